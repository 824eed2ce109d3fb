"""What each document shows, computed from the playbooks; templates only lay it out."""
