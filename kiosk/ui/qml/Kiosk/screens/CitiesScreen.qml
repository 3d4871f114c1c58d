pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// All cities: search (kiosk keyboard), facets with live counts, an А–Я index and a grid of cards.
// Python (`catalog`) searches, filters and counts; this screen only presents and forwards touches.
Item {
    id: screen
    objectName: "citiesScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    property bool keyboardOpen: false
    property bool filtersOpen: false          // portrait: the facet drawer above the grid
    property int markedCity: 0                // the first city of the letter last tapped on the А–Я strip
    // Portrait has room for either the filters or the keyboard above the results, never both: opening one
    // folds the other, so the grid keeps at least two rows.
    onKeyboardOpenChanged: if (keyboardOpen && portrait) filtersOpen = false
    onFiltersOpenChanged: if (filtersOpen && portrait) keyboardOpen = false
    readonly property bool portrait: Theme.portrait
    readonly property int gap: Theme.unit * 2

    function openCity(cityId) {
        keyboardOpen = false
        nav.city(cityId)
    }
    // Scroll the letter's first city into view and mark it: in a grid its row may start with another letter.
    function jumpTo(letter) {
        const row = Catalog.indexOfLetter(letter)
        if (row < 0)
            return
        grid.positionViewAtIndex(row, GridView.Beginning)
        grid.currentIndex = row   // the keyboard goes on from there (↓ from the strip)
        markedCity = Catalog.firstCityOfLetter(letter)
    }
    Connections {
        target: Catalog
        function onResultsChanged() { screen.markedCity = 0 }   // a new result: the mark would point nowhere
    }

    // A physical keyboard types into the search as the kiosk's keyboard does (either layout; it opens, so the
    // visitor sees where the letters go); Backspace erases while there is a query, and goes back once it is
    // empty (Main's stack). Space types only where no control would take it as a press.
    Keys.onPressed: (event) => {
        const focus = screen.Window.activeFocusItem
        const typing = event.text.length === 1 && (event.modifiers & ~(Qt.ShiftModifier | Qt.KeypadModifier)) === 0
        if (typing && /[0-9A-Za-zА-Яа-яЁё№.,:()\/-]/.test(event.text)) {
            keyboard.type(event.text)   // as typed: «Т-34» stays «Т-34» (the search folds case itself)
        } else if (typing && event.key === Qt.Key_Space && Catalog.query !== "" && (focus === screen || focus === search)) {
            keyboard.type(" ")
        } else if (event.key === Qt.Key_Backspace && Catalog.query !== "") {
            keyboard.backspace()
        } else if (event.key === Qt.Key_Down && grid.visible && (focus === screen || focus === search || (focus !== null && focus.parent === strip))) {
            grid.forceActiveFocus()   // from the search or the А–Я strip straight to the cities (the filters: Tab)
            event.accepted = true
            return
        } else {
            return
        }
        screen.keyboardOpen = true
        event.accepted = true
    }

    // ---- header: title and the search field ------------------------------------------------------------
    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors { leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: Theme.barHeight + Theme.unit * 3 }
        height: screen.portrait ? title.height + screen.gap + search.height : Math.max(title.height, search.height)

        KText {
            id: title
            kind: KText.Title
            anchors { left: parent.left; top: parent.top }
            width: screen.portrait ? parent.width : parent.width - search.width - Theme.unit * 4
            height: screen.portrait ? Theme.px(64) : search.height
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Все города")
            font.pixelSize: Theme.px(48)
            elide: Text.ElideRight
        }
        SearchField {
            id: search
            anchors { right: parent.right; top: screen.portrait ? title.bottom : parent.top }
            anchors.topMargin: screen.portrait ? screen.gap : 0
            width: screen.portrait ? parent.width : Math.min(Theme.px(760), parent.width * 0.48)
            text: Catalog.query
            active: screen.keyboardOpen
            onOpened: screen.keyboardOpen = true
            onCleared: Catalog.query = ""
        }
    }

    // ---- А–Я index -------------------------------------------------------------------------------------
    AlphabetStrip {
        id: strip
        objectName: "alphabetStrip"
        anchors { left: parent.left; right: parent.right; top: header.bottom }
        anchors { leftMargin: Theme.margin; rightMargin: Theme.margin; topMargin: Theme.unit * 3 }
        letters: Catalog.alphabet
        available: Catalog.letters
        // A typed query ranks the results by relevance: an alphabetical index would jump to nonsense.
        enabled: !Catalog.ranked
        // Landscape, typing: the keyboard takes the lower half, the letters give their row to the results (a
        // card is whole above the keyboard; typed letters rank the list anyway).
        visible: !(screen.keyboardOpen && !screen.portrait && Catalog.query !== "")
        height: visible ? implicitHeight : 0
        onPicked: (letter) => screen.jumpTo(letter)
    }

    // ---- facets: a column on the left (landscape) or a drawer above the grid (portrait) -----------------
    Flickable {
        id: facetScroll
        objectName: "facetPanel"
        anchors { left: parent.left; leftMargin: Theme.margin; top: screen.portrait ? resultRow.bottom : strip.bottom }
        anchors.topMargin: Theme.unit * 3
        width: screen.portrait ? parent.width - Theme.margin * 2 : Theme.px(460)
        readonly property real room: keyboard.y - y - Theme.unit * 2
        height: screen.portrait ? (screen.filtersOpen ? Math.min(contentHeight, screen.height * 0.42) : 0)
                                : room - (contentHeight > room ? Theme.touch : 0)   // the hint's row below
        visible: height > 0
        clip: true
        contentHeight: facets.height + Theme.unit * 2
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2500)
        maximumFlickVelocity: Theme.px(5000)
        Behavior on height { enabled: screen.portrait; NumberAnimation { duration: Theme.normal; easing.type: Easing.OutCubic } }

        FacetPanel {
            id: facets
            width: facetScroll.width - Theme.unit * 3   // room for the scroll bar
        }
    }
    // The column is longer than the screen: a scroll bar, and «Ещё фильтры» under it (never over a chip).
    ScrollHint {
        id: facetHint
        objectName: "facetScrollHint"
        anchors { left: facetScroll.left; right: facetScroll.right; top: facetScroll.bottom }
        flickable: facetScroll
        moreText: qsTr("Ещё фильтры")
    }

    // ---- result line: count, what is applied, clear ------------------------------------------------------
    Item {
        id: resultRow
        anchors { top: strip.bottom; topMargin: strip.visible ? Theme.unit * 3 : 0; right: parent.right; rightMargin: Theme.margin }
        anchors.left: screen.portrait ? parent.left : facetScroll.right
        anchors.leftMargin: screen.portrait ? Theme.margin : Theme.unit * 5
        height: Theme.touch

        KioskButton {
            id: filtersToggle
            objectName: "filtersToggle"
            visible: screen.portrait
            checkable: true
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            icon: "mdi6.tune-variant"
            checked: screen.filtersOpen
            text: Catalog.activeFilterCount > 0 ? qsTr("Фильтры: %1").arg(Catalog.activeFilterCount) : qsTr("Фильтры")
            onActivated: screen.filtersOpen = !screen.filtersOpen
        }
        Column {
            anchors { left: screen.portrait ? filtersToggle.right : parent.left; verticalCenter: parent.verticalCenter }
            anchors.leftMargin: screen.portrait ? Theme.unit * 3 : 0
            anchors.right: clearFilters.visible ? clearFilters.left : parent.right
            anchors.rightMargin: Theme.unit * 2
            KText {
                id: resultCount
                objectName: "resultCount"
                width: parent.width
                text: Catalog.countText
                font.bold: true
                elide: Text.ElideRight
            }
            KText {
                objectName: "filterSummary"
                kind: KText.Secondary
                visible: text !== ""
                width: parent.width
                text: Catalog.filterSummary
                elide: Text.ElideRight
            }
        }
        KioskButton {
            id: clearFilters
            objectName: "clearFilters"
            visible: Catalog.filtersActive
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            icon: "mdi6.filter-remove-outline"
            text: qsTr("Снять фильтры")
            onActivated: Catalog.clearFilters()
        }
    }

    // ---- the grid ----------------------------------------------------------------------------------------
    GridView {
        id: grid
        objectName: "cityGrid"
        anchors.left: resultRow.left
        anchors.right: parent.right
        anchors.rightMargin: Theme.margin - screen.gap
        anchors.top: screen.portrait ? facetHint.bottom : resultRow.bottom
        anchors.topMargin: screen.portrait ? Theme.unit * 3 : Theme.unit * 2
        anchors.bottom: keyboard.top
        // «Aa»: fewer, wider columns, so the larger names and contributions still fit their lines.
        readonly property int columns: screen.portrait ? (Theme.textScale > 1 ? 1 : 2)
                                                       : Math.max(2, Math.floor(width / (Theme.px(420) * Theme.textScale)))
        cellWidth: Math.floor(width / columns)
        // Tall enough for a card whose region and first contribution take two lines each (the longest in the
        // data do, with «Aa» too; English puts the Latin name before the region: a line more). Cards wrap their
        // texts at word boundaries and never cut them.
        cellHeight: Math.ceil(Theme.unit * 5 + nameMetrics.lineSpacing + smallMetrics.lineSpacing * (Language.english ? 5 : 4)
                              + Math.round(Theme.smallSize * 1.7) + Theme.unit * 3) + screen.gap
        FontMetrics { id: nameMetrics; font.family: Theme.serif; font.bold: true; font.pixelSize: Theme.fpx(36) }
        FontMetrics { id: smallMetrics; font.family: Theme.sans; font.pixelSize: Theme.smallSize }
        clip: true
        model: Catalog.cities
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2500)
        maximumFlickVelocity: Theme.px(5000)
        pressDelay: 0
        // No cards built ahead in the background: typing resets the model several times a second, and an
        // asynchronous build cancelled by a reset makes Qt warn (DelegateModel::cancel: index out of range).
        cacheBuffer: 0
        bottomMargin: Theme.unit * 3
        visible: Catalog.count > 0
        // The keyboard: one Tab stop; arrows move the current card (which holds the focus and its ring), Enter
        // or Space opens it. currentIndex follows the model's resets without moving the view for touch visitors.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        highlightFollowsCurrentItem: false
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Города")
        // A new result replaces the cards: the focus goes on to the new current one, not to the grid itself.
        function focusCurrent() {
            if (activeFocus && (currentIndex < 0 || currentIndex >= count) && count > 0)
                currentIndex = 0
            if (activeFocus && currentItem !== null && currentItem.children.length > 0)
                currentItem.children[0].forceActiveFocus()
        }
        onActiveFocusChanged: Qt.callLater(focusCurrent)
        onCurrentItemChanged: Qt.callLater(focusCurrent)
        onCountChanged: Qt.callLater(focusCurrent)
        // An arrow at the grid's edge stays in the grid (after the grid's own move): not off to a filter chip.
        Keys.priority: Keys.AfterItem
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Left || event.key === Qt.Key_Right || event.key === Qt.Key_Up || event.key === Qt.Key_Down)
                event.accepted = true
        }

        delegate: Item {
            id: cell
            required property int cityId
            required property string name
            required property string region
            required property string nameLatin
            required property int year
            required property list<string> tagIcons
            required property list<string> tagLabels
            width: grid.cellWidth
            height: grid.cellHeight
            CityCard {
                focus: cell.GridView.isCurrentItem
                objectName: "cityCard_" + cell.cityId
                anchors { fill: parent; rightMargin: screen.gap; bottomMargin: screen.gap }
                cityId: cell.cityId
                name: cell.name
                // English: the Latin spelling beside the Russian name, then the region's English name.
                region: Language.english && cell.nameLatin ? cell.nameLatin + " · " + cell.region : cell.region
                year: cell.year
                tagIcons: cell.tagIcons
                tagLabels: cell.tagLabels
                marked: cell.cityId === screen.markedCity
                onActivated: screen.openCity(cell.cityId)
            }
        }
    }

    EmptyState {
        anchors { left: grid.left; right: grid.right; top: grid.top; bottom: grid.bottom }
        visible: Catalog.count === 0 && Catalog.total > 0
        onResetRequested: Catalog.clearAll()
    }

    // ---- the kiosk keyboard: slides up from the bottom, the grid shrinks above it --------------------------
    Keyboard {
        id: keyboard
        width: parent.width
        height: implicitHeight
        y: screen.keyboardOpen ? screen.height - height : screen.height
        visible: y < screen.height
        text: Catalog.query
        maxLength: Catalog.maxQueryLength
        onEdited: (text) => Catalog.query = text
        onHideRequested: {
            const focus = screen.Window.activeFocusItem   // the keyboard's own «Скрыть» pressed by keys: on to the field
            screen.keyboardOpen = false
            if (focus !== null && focus.objectName.startsWith("key_"))
                search.forceActiveFocus()
        }
        Behavior on y { NumberAnimation { duration: Theme.normal; easing.type: Easing.OutCubic } }
    }
}
