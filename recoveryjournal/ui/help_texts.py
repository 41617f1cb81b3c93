"""What Help says: every keyboard shortcut, and a few plain sentences for each screen (docs/words.md)."""

from __future__ import annotations

from recoveryjournal.i18n import N_

#: Every keyboard shortcut in the app, as (keys, what it does). A test checks that each shortcut the
#: window really has is listed here, so this can't fall behind.
SHORTCUTS: list[tuple[str, str]] = [
    (N_("Esc Esc Esc, or Shift Shift Shift"), N_("Quick exit: lock and hide the window straight away")),
    ("Ctrl+L", N_("Lock your journal now")),
    (N_("F1, or Ctrl+Shift+P"), N_("Your crisis plan at a glance, over whatever is open")),
    ("Shift+F1", N_("Help for the screen you are on")),
    ("Ctrl+/", N_("This list of keyboard shortcuts")),
    (
        N_("Ctrl+1 … Ctrl+9"),
        N_(
            "Go to a tab: Journal, Check in, Calendar, How things have been, Goals, My crisis plan, "
            "My support, Appointments, Search"
        ),
    ),
    ("Ctrl+N", N_("Write a new journal entry")),
    ("Ctrl+Shift+N", N_("Start a new entry from one of your prompts")),
    ("Ctrl+S", N_("Save what you are writing (an entry, a goal, your crisis plan, your support)")),
    (N_("Ctrl++ and Ctrl+-"), N_("Make the entry text larger or smaller")),
    (N_("1 … 9, and 0 for 10"), N_("On Check in: choose your mood number")),
    (N_("Alt+N, Alt+P, Alt+M"), N_("On Check in: go to I noticed…, What helped…, Took my medicines (Space ticks)")),
    ("Ctrl+Enter", N_("On Check in: save the check-in")),
    ("Ctrl+F", N_("Search your journal")),
    ("Ctrl+T", N_("Today in the calendar")),
    ("Ctrl+Shift+S", N_("Share: choose what goes to your care coordinator")),
    ("Ctrl+O", N_("Open a journal")),
    ("Ctrl+,", N_("Settings: language, locking by itself, reminders")),
    ("Ctrl+Q", N_("Quit (your journal locks first)")),
    (N_("Tab and Shift+Tab"), N_("Move to the next or previous control; arrows move between the mood numbers")),
]

#: Help for each screen: (title, a few short paragraphs). The keys are the screens' own names.
TOPICS: dict[str, tuple[str, list[str]]] = {
    "start": (
        N_("Getting started"),
        [
            N_(
                "Recovery Journal is a private place for your journal, your check-ins, your goals and your crisis plan."
            ),
            N_(
                "Everything stays on this computer, or on a USB stick if you keep your journal there, locked with a "
                "passphrase only you know. When you make a journal you are given a recovery key: write it down and "
                "keep "
                "it safe. It is the only other way in."
            ),
            N_("To look around first, choose Look around a demo journal. Nothing you do there matters."),
        ],
    ),
    "journal_page": (
        N_("Journal"),
        [
            N_(
                "Write about your day, as much or as little as you like. Ctrl+N starts a new entry and Ctrl+S "
                "saves it; "
                "what you type is also saved when you move on, lock or close."
            ),
            N_("Tags (words separated by commas) help you find entries later. You can link an entry to a check-in."),
        ],
    ),
    "checkin_page": (
        N_("Check in"),
        [
            N_(
                "How are you right now? Choose a number from 1 to 10 (or press 1 to 9, and 0 for 10). Sleep, anxiety, "
                "energy, feelings and a note are there if you want them; everything else is up to you."
            ),
            N_("What the numbers mean to me… lets you put each number into your own words."),
            N_(
                "I noticed… and What helped… show the early signs and helpful things you chose from your crisis plan "
                "(Keep an eye on this…): one tick each, or Alt+N and Alt+P, then Space. Add your own words too; "
                "after saving you can keep them in your plan."
            ),
            N_(
                "If you turned medicines on in Settings, you can note whether you took them: all, some or none. "
                "Leaving it at Not noted is fine."
            ),
        ],
    ),
    "calendar_page": (
        N_("Calendar"),
        [
            N_(
                "Days with journal entries are bold; shaded days have check-ins. Choose a day to see what you wrote, "
                "or write something for that day."
            ),
        ],
    ),
    "mood_page": (
        N_("How things have been"),
        [
            N_(
                "Your check-ins over a week, a month, a year or all of them, as a chart and in words. Click a point "
                "to see that day."
            ),
            N_("The words under the chart say the same as the chart, so nothing is only in the picture."),
            N_(
                "What seems to go with better days compares the days you noticed one of your signs (or something "
                "helped) with the other days, from the first day you noted it. A sentence appears only when each "
                "side has at least 5 days. These are things that happened together, not causes: a way to notice "
                "what might help, never a prediction or a score."
            ),
            N_("Medicine changes (when you turned medicines on) are the numbered lines at the top of the chart."),
        ],
    ),
    "goals_page": (
        N_("Goals"),
        [
            N_(
                "Goals in your own words, with small steps. For each step you choose who does it: you, someone who "
                "supports you, or someone from your care team. A goal can be paused and picked up again."
            ),
            N_("Tick Talk about this at my next appointment to put it on your next agenda."),
        ],
    ),
    "plan_page": (
        N_("My crisis plan"),
        [
            N_(
                "Your plan for hard times, in your own words: what keeps you well, early signs, what helps, who to "
                "call. Skip any section you don't want. F1 shows the plan large and clear from anywhere."
            ),
            N_("You can save it as a PDF or make a small wallet card."),
            N_(
                "Keep an eye on this… lets you choose a few of your early signs and things that help, so your "
                "check-in offers them as ticks. Nothing is chosen until you choose it."
            ),
        ],
    ),
    "support_page": (
        N_("My support"),
        [
            N_("The support you get, or would like: who provides it, how often, and what you think of it."),
        ],
    ),
    "appointments_page": (
        N_("Appointments"),
        [
            N_(
                "Get ready for an appointment: what you want to talk about, goals to review, support you'd like to "
                "change. Afterwards, note what you agreed and who does what."
            ),
        ],
    ),
    "search_page": (
        N_("Search"),
        [
            N_(
                "Type a word to find it in your entries and check-in notes. Dates, a tag or a mood range narrow "
                "the search. Show older matches goes further back."
            ),
        ],
    ),
    "sharing": (
        N_("Sharing with your care coordinator"),
        [
            N_(
                "Nothing leaves your journal unless you choose it. Share… lets you tick what goes, leave out words "
                "or names, and see every page before it is saved or printed."
            ),
            N_("What I've shared… lists what you shared, when and with whom."),
        ],
    ),
    "backups": (
        N_("Backups"),
        [
            N_(
                "A backup is an encrypted copy of your whole journal. Keep one somewhere else, such as a USB stick. "
                "It opens with the same passphrase or recovery key."
            ),
        ],
    ),
}
