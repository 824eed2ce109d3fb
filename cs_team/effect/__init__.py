"""Whether training worked: Kirkpatrick's four levels from the files a contact centre already has."""
