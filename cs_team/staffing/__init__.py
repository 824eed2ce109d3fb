"""Staffing arithmetic: Erlang C and the hiring plan. Pure functions: no terminal, no files."""
