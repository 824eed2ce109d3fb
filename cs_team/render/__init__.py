"""Documents from playbooks through Jinja templates: Markdown and print-ready HTML, zh/en/zh-en."""
