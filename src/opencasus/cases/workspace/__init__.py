"""The case workspace: one page per case, a header and tabs, each showing only what the reader may see.

`tabs` names the tabs and who gets which; `header` and `timeline` build the header and the overview;
`panels` loads each tab's content through the access policy and the apps' selectors; `log` reads
this case's part of the processing log for core staff. Every page load is a logged VIEW.
"""
