"""What the app and the command line do for a principal: access, accounts, conference, views."""
