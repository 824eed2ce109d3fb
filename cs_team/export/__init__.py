"""Tables cs-team writes for spreadsheets: CSV (``csvfile``) and xlsx (``workbook``), one writer
each, so every table people open in Excel or WPS gets the same encoding and the same guard
against formula injection."""
