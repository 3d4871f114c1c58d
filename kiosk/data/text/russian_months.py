"""Russian month names in the genitive («26 июля»), the form dates take in running text: what the speech
normaliser recognises in a date. Dates shown on screen are worded by QLocale (kiosk.ui.models.dates)."""

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
