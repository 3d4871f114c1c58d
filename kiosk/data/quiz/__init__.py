"""«Викторина»: questions made from the exhibit's own data, and the curators' own questions. No Qt here.

records    the Question a screen shows (labels in the visitor's language) and what it rests on
facts      what may be asked of one database: hidden, disputed and report-flagged records left out
kinds      one small generator per kind of question (a subject, three distractors checked against it)
rounds     a round of ten: no question twice, each round unlike the one before
curated    curators' questions: db/sources/quiz.toml, the `quiz_questions` table, their rules
check      `kiosk-db quiz PATH --check`: every question the data allows, verified independently
"""
