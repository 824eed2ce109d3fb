"""Training needs (培训需求): from KPI exports and QA evaluations to the competencies each agent is
below target on, with the evidence and a refresher plan. ``evidence`` judges, ``refresher`` dates
the modules, ``report`` gathers both for the documents."""
