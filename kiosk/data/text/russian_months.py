"""Russian month names in the genitive («26 июля»), the form dates take in running text: one list for the data
layer (the attract deck's dates, the speech normaliser's date patterns). The Qt side formats dates with QLocale."""

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
