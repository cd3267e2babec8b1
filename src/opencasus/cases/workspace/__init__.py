"""The case workspace: one page per case, a header and tabs, each showing only what the reader may see.

`tabs` names the tabs and who gets which; `header` and `timeline` build the header and the overview;
`panels` loads each tab's content through the access policy and the apps' selectors (the Logboek tab
through `privacy.case_log`). It composes every app's reads into one page, so it is an interface
module like the views (pyproject.toml, import-linter). Every page load is a logged VIEW.
"""
