"""The search files: a prebuilt lunr index in compact form and the data the page filters on."""
