pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// «Викторина»: a round of ten questions made from the exhibit's data (kiosk/data/quiz; state in Python: Quiz).
// Three views on one screen: the start (one player or two teams), a question (four large answers, or four
// points on the map; then the verdict, a line from the data, «Подробнее» and «Дальше»), the results («Ещё раз»).
// «Подробнее» opens the city page (back returns here, to the same question) or the section's card over this
// screen. Keys 1–4 answer, Enter goes on: a school PC's keyboard works too.
Item {
    id: screen
    objectName: "quizScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own

    readonly property bool portrait: Theme.portrait
    readonly property var q: Quiz.question   // var: a map whose fields differ by question kind
    readonly property bool asking: Quiz.active && !Quiz.finished && q.kind !== undefined
    readonly property bool answered: asking && Quiz.chosen >= 0
    readonly property bool rightChosen: answered && Quiz.chosen === q.answer
    readonly property bool isMap: asking && q.kind === "map" && q.points.length === 4
    readonly property real side: portrait ? Theme.margin : Theme.margin * 1.5
    readonly property real contentWidth: Math.min(width - side * 2, Theme.px(1640))

    focus: true
    Keys.onPressed: (event) => {
        if (screen.asking && !screen.answered && event.key >= Qt.Key_1 && event.key <= Qt.Key_4) {
            Quiz.choose(event.key - Qt.Key_1); event.accepted = true
        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space)) {
            if (screen.answered) Quiz.next()
            else if (Quiz.finished || !Quiz.active) Quiz.start(Quiz.teams)
            event.accepted = true
        }
    }

    // The question's sentence for its kind: the data gives the names, the interface the words.
    function prompt(question) {
        var p = question.prompt
        switch (question.kind) {
        case "year": return qsTr("В каком году город %1 получил звание «Город трудовой доблести»?").arg(p)
        case "region": return qsTr("В каком регионе находится город %1?").arg(p)
        case "tag_city": return qsTr("Вклад какого из этих городов в Победу — «%1»?").arg(p)
        case "city_tag": return qsTr("Каким был вклад города %1 в Победу?").arg(p)
        case "map": return qsTr("Где на карте город %1? Коснитесь одной из четырёх точек.").arg(p)
        case "memorial": return qsTr("Какое памятное место есть в городе %1?").arg(p)
        case "event": return qsTr("В каком году это было: «%1»?").arg(p)
        case "figure": return qsTr("Какое число пропущено: «… %1»?").arg(p)
        default: return p   // curators' questions are whole sentences
        }
    }
    // The one-line explanation, from the record the question came from.
    function explanation(question) {
        var f = question.facts
        switch (question.kind) {
        case "year": return qsTr("%1 получил звание «Город трудовой доблести» в %2 году.").arg(f[0]).arg(f[1])
        case "region":
        case "map": return qsTr("Город %1 — %2.").arg(f[0]).arg(f[1])
        case "tag_city":
        case "city_tag": return qsTr("Вклад города %1: %2.").arg(f[0]).arg(f[1])
        case "memorial": return f[2] !== "" ? qsTr("В городе %1 — %2 (%3).").arg(f[0]).arg(f[1]).arg(f[2])
                                            : qsTr("В городе %1 — %2.").arg(f[0]).arg(f[1])
        case "event": return qsTr("«%1» — %2 год.").arg(f[0]).arg(f[1])
        case "figure": return f[0] + " " + f[1] + " " + f[2] + "."
        default: return f.length > 0 ? f[0] : ""
        }
    }
    function more() {
        var target = screen.q.target
        if (target.indexOf("city:") === 0)
            screen.nav.city(parseInt(target.slice(5)))
        else if (target !== "")
            itemCard.open(target, false)
    }

    // ---- the start ------------------------------------------------------------------------------------------
    Column {
        id: intro
        objectName: "quizIntro"
        visible: !Quiz.active
        width: screen.contentWidth
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(Theme.barHeight + Theme.unit * 4, (screen.height - height) / 2)
        spacing: Theme.unit * 4

        KText {
            kind: KText.Title
            width: parent.width
            text: qsTr("Викторина")
            font.bold: true
            font.pixelSize: Theme.fpx(84)
            wrapMode: Text.WordWrap
        }
        KText {
            kind: KText.Body
            width: Math.min(parent.width, Theme.readingWidth)
            text: qsTr("Десять вопросов о городах трудовой доблести и о Новокузнецке. Ответы — в самой экспозиции: после каждого вопроса можно открыть страницу, откуда он взят.")
            color: Theme.paperDim
            lineHeight: Theme.lineHeight
            wrapMode: Text.WordWrap
        }
        Flow {
            width: parent.width
            spacing: Theme.unit * 3
            KioskButton {
                objectName: "quizStart"
                primary: true
                height: Theme.touchLarge
                width: Math.max(implicitWidth + Theme.unit * 6, Theme.px(360))
                fontSize: Theme.fpx(36)
                icon: "mdi6.play"
                text: qsTr("Начать")
                onActivated: Quiz.start(false)
                Accessible.onPressAction: Quiz.start(false)
            }
            KioskButton {
                objectName: "quizStartTeams"
                height: Theme.touchLarge
                width: Math.max(implicitWidth + Theme.unit * 6, Theme.px(360))
                fontSize: Theme.fpx(36)
                icon: "mdi6.account-group-outline"
                text: qsTr("Две команды")
                onActivated: Quiz.start(true)
                Accessible.onPressAction: Quiz.start(true)
            }
        }
        KText {
            kind: KText.Secondary
            width: Math.min(parent.width, Theme.readingWidth)
            text: qsTr("Для класса у одного экрана: команды отвечают по очереди, у каждой свой счёт. Имена не нужны.")
            wrapMode: Text.WordWrap
        }
    }

    // ---- a question -----------------------------------------------------------------------------------------
    Item {
        id: asked
        objectName: "quizQuestion"
        visible: screen.asking
        x: (screen.width - screen.contentWidth) / 2
        y: Theme.barHeight + Theme.unit * 2
        width: screen.contentWidth
        height: screen.height - y - Theme.unit * 4

        Row {
            id: header
            width: parent.width
            spacing: Theme.unit * 4
            KText {
                objectName: "quizProgress"
                kind: KText.Secondary
                text: qsTr("Вопрос %1 из %2").arg(Quiz.index + 1).arg(Quiz.total)
                color: Theme.gold
            }
            KText {
                objectName: "quizTurn"
                visible: Quiz.teams
                kind: KText.Secondary
                text: qsTr("Отвечает команда %1").arg(Quiz.team + 1)
                font.bold: true
                color: Theme.paper
            }
            KText {
                objectName: "quizScore"
                kind: KText.Secondary
                text: Quiz.teams ? qsTr("Счёт %1 : %2").arg(Quiz.scores[0]).arg(Quiz.scores[1])
                                 : qsTr("Верных ответов: %1").arg(Quiz.scores[0])
            }
        }

        KText {
            id: promptText
            objectName: "quizPrompt"
            kind: KText.Title
            anchors { top: header.bottom; topMargin: Theme.unit * 2 }
            width: parent.width
            text: screen.asking ? screen.prompt(screen.q) : ""
            font.pixelSize: Theme.fpx(screen.portrait ? 52 : 50)
            lineHeight: 1.15
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        // Between the prompt and the verdict: the four answers, or the map with four points.
        Item {
            id: middle
            anchors { top: promptText.bottom; topMargin: Theme.unit * 3; bottom: verdict.top; bottomMargin: Theme.unit * 3 }
            width: parent.width

            Grid {
                id: answers
                objectName: "quizAnswers"
                visible: !screen.isMap
                width: parent.width
                columns: screen.portrait ? 1 : 2
                spacing: Theme.unit * 3
                readonly property real cellWidth: (width - spacing * (columns - 1)) / columns
                readonly property int rowCount: 4 / columns
                readonly property real cellHeight: Math.max(Theme.touchLarge,
                    Math.min(Theme.fpx(160), (middle.height - spacing * (rowCount - 1)) / rowCount))

                Repeater {
                    model: screen.asking && !screen.isMap ? screen.q.options : []
                    delegate: Rectangle {
                        id: option
                        required property string modelData
                        required property int index
                        readonly property bool isRight: screen.answered && index === screen.q.answer
                        readonly property bool isWrongChoice: screen.answered && index === Quiz.chosen && !isRight
                        objectName: "quizOption_" + index
                        width: answers.cellWidth
                        height: answers.cellHeight
                        radius: Theme.radius * 2
                        color: optionTap.pressed && !screen.answered ? Theme.groundPressed
                             : isRight ? "#2f3b2a" : isWrongChoice ? "#3f2422" : Theme.groundRaised
                        border.color: isRight ? Theme.gold : isWrongChoice ? Theme.redBright : Theme.line
                        border.width: isRight || isWrongChoice ? Theme.px(4) : Math.max(1, Theme.px(2))
                        opacity: screen.answered && !isRight && !isWrongChoice ? 0.6 : 1
                        Accessible.role: Accessible.Button
                        Accessible.name: modelData
                        Accessible.onPressAction: Quiz.choose(index)
                        activeFocusOnTab: true   // Tab, then Enter or Space (keys 1–4 answer too)
                        FocusRing { radius: Theme.radius * 2 }

                        KText {   // the key that answers it on a keyboard, and a name to call out in class
                            id: number
                            anchors { left: parent.left; leftMargin: Theme.unit * 3; verticalCenter: parent.verticalCenter }
                            text: (option.index + 1) + ""
                            color: Theme.gold
                            font.bold: true
                            font.pixelSize: Theme.fpx(40)
                        }
                        KText {
                            id: optionText
                            anchors {
                                left: number.right; leftMargin: Theme.unit * 3
                                right: mark.left; rightMargin: Theme.unit * 2
                                verticalCenter: parent.verticalCenter
                            }
                            height: parent.height - Theme.unit * 2
                            verticalAlignment: Text.AlignVCenter
                            text: option.modelData
                            font.pixelSize: Theme.fpx(38)
                            // A long answer (a memorial's name) shrinks to its cell rather than run out of it.
                            fontSizeMode: Text.Fit
                            minimumPixelSize: Theme.px(26)
                            lineHeight: 1.1
                            wrapMode: Text.WordWrap
                        }
                        Image {   // right or wrong is said by a mark as well as by colour
                            id: mark
                            anchors { right: parent.right; rightMargin: Theme.unit * 3; verticalCenter: parent.verticalCenter }
                            width: option.isRight || option.isWrongChoice ? Theme.px(56) : 0
                            height: Theme.px(56)
                            sourceSize: Qt.size(Theme.px(56), Theme.px(56))
                            source: option.isRight ? Theme.icon("mdi6.check-circle", Theme.gold)
                                  : option.isWrongChoice ? Theme.icon("mdi6.close-circle", Theme.redBright) : ""
                        }
                        TapHandler {
                            id: optionTap
                            enabled: !screen.answered
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            longPressThreshold: 0
                            onTapped: Quiz.choose(option.index)
                        }
                    }
                }
            }

            // Where a city is: the whole country on the map's own canvas, four numbered points to touch.
            Item {
                id: quizMap
                objectName: "quizMap"
                visible: screen.isMap
                anchors.fill: parent
                clip: true
                readonly property list<real> frame: CityMap.focus
                readonly property real kmScale: Math.min(width / frame[2], height / frame[3])
                readonly property real originX: frame[0] + frame[2] / 2 - width / 2 / kmScale
                readonly property real originY: frame[1] + frame[3] / 2 - height / 2 / kmScale

                MapCanvas {
                    anchors.fill: parent
                    visible: screen.isMap
                    kmScale: quizMap.kmScale
                    originX: quizMap.originX
                    originY: quizMap.originY
                    land: "#36352f"
                    sea: Theme.ground
                    coast: "#6b6456"
                    coastWidth: Math.max(1, Theme.px(1.5))
                }
                Repeater {
                    model: screen.isMap ? screen.q.points : []
                    delegate: Item {
                        id: point
                        required property var modelData   // var: a point of the question, a map
                        required property int index
                        readonly property bool isRight: screen.answered && index === screen.q.answer
                        readonly property bool isWrongChoice: screen.answered && index === Quiz.chosen && !isRight
                        objectName: "quizPoint_" + index
                        width: Theme.px(80); height: width   // the touch target, ≥ 64 px
                        x: (modelData.x - quizMap.originX) * quizMap.kmScale - width / 2
                        y: (modelData.y - quizMap.originY) * quizMap.kmScale - height / 2
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Точка %1").arg(index + 1)
                        Accessible.onPressAction: Quiz.choose(index)
                        activeFocusOnTab: true
                        FocusRing { radius: width / 2 }

                        Rectangle {
                            anchors.centerIn: parent
                            width: Theme.px(56); height: width; radius: width / 2
                            color: point.isRight ? Theme.gold : point.isWrongChoice ? Theme.redBright
                                 : pointTap.pressed ? Theme.paper : Theme.groundRaised
                            border.color: Theme.gold
                            border.width: Theme.px(4)
                            KText {
                                anchors.centerIn: parent
                                text: point.isRight ? "✓" : point.isWrongChoice ? "✗" : (point.index + 1) + ""
                                color: point.isRight || pointTap.pressed ? Theme.ground : Theme.paper
                                font.bold: true
                                font.pixelSize: Theme.px(30)
                            }
                        }
                        KText {   // the cities' names once answered: what each point was
                            visible: screen.answered
                            x: parent.width / 2 > quizMap.width / 2 - point.x ? -width - Theme.unit : parent.width + Theme.unit
                            anchors.verticalCenter: parent.verticalCenter
                            text: screen.answered ? screen.q.options[point.index] : ""
                            color: point.isRight ? Theme.gold : Theme.paper
                            font.bold: point.isRight
                            style: Text.Outline
                            styleColor: Theme.ground
                        }
                        TapHandler {
                            id: pointTap
                            enabled: !screen.answered
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            longPressThreshold: 0
                            onTapped: Quiz.choose(point.index)
                        }
                    }
                }
            }
        }

        // The verdict, the line from the data, and the ways on. Its room is kept, so nothing jumps.
        Item {
            id: verdict
            objectName: "quizVerdict"
            anchors.bottom: parent.bottom
            width: parent.width
            // Room for the verdict and two lines of explanation kept from the start: answering moves nothing.
            readonly property real reserve: Math.max(verdictColumn.implicitHeight,
                                                     Theme.fpx(38) * 1.3 + Theme.unit + Theme.bodySize * 1.4 * 2)
            height: screen.portrait ? reserve + Theme.unit * 3 + buttons.height : Math.max(reserve, buttons.height)

            Column {
                id: verdictColumn
                visible: screen.answered
                anchors { left: parent.left; right: screen.portrait ? parent.right : buttons.left; rightMargin: Theme.unit * 3 }
                anchors.bottom: screen.portrait ? buttons.top : parent.bottom
                anchors.bottomMargin: screen.portrait ? Theme.unit * 3 : 0
                spacing: Theme.unit
                Row {
                    spacing: Theme.unit * 2
                    Image {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.fpx(44); height: width
                        sourceSize: Qt.size(width, height)
                        source: screen.answered ? Theme.icon(screen.rightChosen ? "mdi6.check-circle" : "mdi6.close-circle",
                                                             screen.rightChosen ? Theme.gold : Theme.redBright) : ""
                    }
                    KText {
                        objectName: "quizVerdictText"
                        anchors.verticalCenter: parent.verticalCenter
                        width: verdictColumn.width - Theme.fpx(44) - Theme.unit * 2
                        // The right answer is marked on its button or point; the screen reader hears it here.
                        text: !screen.answered ? "" : screen.rightChosen ? qsTr("Верно!")
                              : qsTr("Неверно")
                        font.bold: true
                        font.pixelSize: Theme.fpx(38)
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: !screen.answered || screen.rightChosen ? text
                            : qsTr("Неверно. Правильный ответ: %1").arg(screen.q.options[screen.q.answer])
                    }
                }
                KText {
                    objectName: "quizExplanation"
                    kind: KText.Body
                    width: parent.width
                    text: screen.answered ? screen.explanation(screen.q) : ""
                    color: Theme.paperDim
                    wrapMode: Text.WordWrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }
            Row {
                id: buttons
                anchors { right: parent.right; bottom: parent.bottom }
                spacing: Theme.unit * 3
                opacity: screen.answered ? 1 : 0
                enabled: screen.answered
                KioskButton {
                    objectName: "quizMore"
                    visible: screen.asking && screen.q.target !== ""
                    height: Theme.touchLarge
                    fontSize: Theme.fpx(32)
                    icon: "mdi6.book-open-variant"
                    text: qsTr("Подробнее")
                    onActivated: screen.more()
                    Accessible.onPressAction: screen.more()
                }
                KioskButton {
                    objectName: "quizNext"
                    primary: true
                    height: Theme.touchLarge
                    width: Math.max(implicitWidth + Theme.unit * 4, Theme.px(260))
                    fontSize: Theme.fpx(32)
                    icon: "mdi6.arrow-right"
                    text: Quiz.index + 1 >= Quiz.total ? qsTr("Итоги") : qsTr("Дальше")
                    onActivated: Quiz.next()
                    Accessible.onPressAction: Quiz.next()
                }
            }
        }
    }

    // ---- the results ----------------------------------------------------------------------------------------
    Column {
        id: results
        objectName: "quizResults"
        visible: Quiz.finished
        width: screen.contentWidth
        anchors.horizontalCenter: parent.horizontalCenter
        y: Math.max(Theme.barHeight + Theme.unit * 4, (screen.height - height) / 2)
        spacing: Theme.unit * 4

        KText {
            kind: KText.Title
            width: parent.width
            text: qsTr("Итоги")
            font.bold: true
            font.pixelSize: Theme.fpx(84)
        }
        KText {
            objectName: "quizResultText"
            kind: KText.Title
            width: parent.width
            color: Theme.gold
            wrapMode: Text.WordWrap
            readonly property list<int> s: Quiz.scores
            text: !Quiz.teams ? qsTr("Правильных ответов: %1 из %2").arg(s[0]).arg(Quiz.total)
                : qsTr("Команда 1: %1 · Команда 2: %2").arg(s[0]).arg(s[1])
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        KText {
            visible: Quiz.teams
            kind: KText.Body
            width: parent.width
            text: Quiz.scores[0] === Quiz.scores[1] ? qsTr("Ничья!")
                  : qsTr("Победила команда %1!").arg(Quiz.scores[0] > Quiz.scores[1] ? 1 : 2)
            font.bold: true
        }
        KText {
            kind: KText.Body
            width: Math.min(parent.width, Theme.readingWidth)
            text: qsTr("Все ответы — в экспозиции: на страницах городов, на карте и в разделе о Новокузнецке.")
            color: Theme.paperDim
            lineHeight: Theme.lineHeight
            wrapMode: Text.WordWrap
        }
        KioskButton {
            objectName: "quizAgain"
            primary: true
            height: Theme.touchLarge
            width: Math.max(implicitWidth + Theme.unit * 6, Theme.px(360))
            fontSize: Theme.fpx(36)
            icon: "mdi6.restart"
            text: qsTr("Ещё раз")
            onActivated: Quiz.start(Quiz.teams)
            Accessible.onPressAction: Quiz.start(Quiz.teams)
        }
    }

    // A card of the Novokuznetsk section over the quiz («Подробнее» on a timeline or figure question), made when
    // first asked for: most rounds never open one.
    Loader {
        id: itemCard
        anchors.fill: parent
        z: 50
        active: false
        sourceComponent: Component { NkItemCard {} }
        function open(ref, withSources) {
            active = true;
            (item as NkItemCard).open(ref, withSources)
        }
    }
}
