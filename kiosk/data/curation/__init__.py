"""The curators' side: tools that write or summarise files for people, never imported by the running kiosk."""
