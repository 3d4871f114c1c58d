import QtQuick
import Kiosk

// The Novokuznetsk section's screens by name, for the shell's navigator (Main.qml: nav.novokuznetsk(page)).
// Components, not URLs: the shell's stack (ScreenStack) makes its screens from components.
QtObject {
    readonly property Component home: Component { NkHomeScreen {} }
    readonly property Component chapter: Component { NkChapterScreen {} }
    readonly property Component timeline: Component { NkTimelineScreen {} }
    readonly property Component figures: Component { NkFiguresScreen {} }
    readonly property Component people: Component { NkPeopleScreen {} }
    readonly property Component awards: Component { NkAwardsScreen {} }
    readonly property Component sources: Component { NkSourcesScreen {} }

    function page(name) {
        const pages = { home: home, chapter: chapter, timeline: timeline, figures: figures, people: people,
                        awards: awards, sources: sources }
        return pages[name] !== undefined ? pages[name] : home
    }
}
