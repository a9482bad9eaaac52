"""The Members area: the list, a member's page, quick find, and the dialogs that change them."""
