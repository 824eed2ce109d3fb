"""One input layer for every side file: forecasts, demand patterns, cohorts, work calendars,
scorecards, training results and promotion records.

Bytes are read here and nowhere else (``files``), decoded by one policy (``encoding``), split into
records by one reader per format (``tables`` for CSV and xlsx, ``lists`` for YAML), and every
problem of a file is collected as one ``Problem`` with its ``file:row:column`` (``problems``)
before anything is computed. ``staffing/`` and ``schedule/`` receive rows, never paths.
"""
