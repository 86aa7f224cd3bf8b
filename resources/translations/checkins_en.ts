<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CalendarHeatmap</name>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="100" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="172" />
            <source>Checked in</source>
            <translation>Checked in</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="102" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="108" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="174" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="178" />
            <source>On leave</source>
            <translation>On leave</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="104" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="175" />
            <source>No check-in</source>
            <translation>No check-in</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/calendar_heatmap.py" line="106" />
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%Ln check-in</numerusform>
                <numerusform>%Ln check-ins</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="176" />
            <source>Less</source>
            <translation>Less</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="176" />
            <source>More</source>
            <translation>More</translation>
        </message>
    </context>
    <context>
        <name>CheckinDayModel</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="104" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="105" />
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="106" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="107" />
            <location filename="../../ui/models/checkins_models.py" line="177" />
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="174" />
            <source>Late</source>
            <translation>Late</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="181" />
            <source>Undo this check-in (Delete)</source>
            <translation>Undo this check-in (Delete)</translation>
        </message>
        <message>
            <source>No time was written on the line; logged at %1</source>
            <translation>No time was written on the line; logged at %1</translation>
        </message>
        <message>
            <source>Posted at %1; logged at %2</source>
            <translation>Posted at %1; logged at %2</translation>
        </message>
    </context>
    <context>
        <name>CheckinSource</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="111" />
            <source>Typed</source>
            <translation>Typed</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="112" />
            <source>Pasted chat</source>
            <translation>Pasted chat</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="113" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
    </context>
    <context>
        <name>CheckinsPage</name>
        <message>
            <source>checked in %1</source>
            <translation>checked in %1</translation>
        </message>
        <message>
            <source>checked in</source>
            <translation>checked in</translation>
        </message>
        <message>
            <source>Most times in this chain are still to come today: it looks like the chain of %1, but you are logging %2. Which day is it for?</source>
            <translation>Most times in this chain are still to come today: it looks like the chain of %1, but you are logging %2. Which day is it for?</translation>
        </message>
        <message>
            <source>A chain here is titled with another group's name, %1: its lines are not logged here.</source>
            <translation>A chain here is titled with another group's name, %1: its lines are not logged here.</translation>
        </message>
        <message>
            <source>They are this group's: log them here</source>
            <translation>They are this group's: log them here</translation>
        </message>
        <message numerus="yes">
            <source>%n other line(s)</source>
            <translation>
                <numerusform>%Ln other line</numerusform>
                <numerusform>%Ln other lines</numerusform>
            </translation>
        </message>
        <message>
            <source>title</source>
            <translation>title</translation>
        </message>
        <message>
            <source>example</source>
            <translation>example</translation>
        </message>
        <message>
            <source>chat or footer, no name</source>
            <translation>chat or footer, no name</translation>
        </message>
        <message>
            <source>message of line %1</source>
            <translation>message of line %1</translation>
        </message>
        <message>
            <source>system notice or quote</source>
            <translation>system notice or quote</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>no name</translation>
        </message>
        <message>
            <source>Line %1: %2 — %3</source>
            <translation>Line %1: %2 — %3</translation>
        </message>
        <message numerus="yes">
            <source>%n not check-in(s)</source>
            <translation>
                <numerusform>%Ln not a check-in</numerusform>
                <numerusform>%Ln not check-ins</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="288" />
            <source>Logging check-ins</source>
            <translation>Logging check-ins</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="288" />
            <source>Logging the pasted check-ins…</source>
            <translation>Logging the pasted check-ins…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="297" />
            <location filename="../../ui/pages/checkins_page.py" line="635" />
            <location filename="../../ui/pages/checkins_page.py" line="645" />
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="309" />
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="314" />
            <source>Leave…</source>
            <translation>Leave…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="315" />
            <source>Record leave (请假) for a member</source>
            <translation>Record leave (请假) for a member</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="321" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="343" />
            <source>Name, nickname, WeChat ID or pinyin (zs) ↵</source>
            <translation>Name, nickname, WeChat ID or pinyin (zs) ↵</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="344" />
            <source>Quick entry (Ctrl+F)</source>
            <translation>Quick entry (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="394" />
            <source>Click a name to check them in</source>
            <translation>Click a name to check them in</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="429" />
            <source>Paste chat</source>
            <translation>Paste chat</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="431" />
            <source>a 接龙 chain or chat lines; Ctrl+Enter logs</source>
            <translation>a chain (接龙) or chat lines; Ctrl+Enter logs</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="437" />
            <source>Paste a WeChat chain here, e.g.
#接龙
早起打卡 11月22日
1. 张三 5:58
2. 李四 6:03</source>
            <translation>Paste a WeChat chain here, e.g.
#接龙
Morning check-in 22 Nov
1. Amy 5:58
2. Tony 6:03</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="446" />
            <source>Match</source>
            <translation>Match</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="447" />
            <source>Find the names of the pasted text in the group</source>
            <translation>Find the names of the pasted text in the group</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="449" />
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="457" />
            <source>Log the matched and chosen lines in one go (Ctrl+Enter)</source>
            <translation>Log the matched and chosen lines in one go (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="518" />
            <source>Whole group</source>
            <translation>Whole group</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="519" />
            <source>Show the group's calendar again</source>
            <translation>Show the group's calendar again</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="550" />
            <source>Pick a group on the left to log its check-ins.</source>
            <translation>Pick a group on the left to log its check-ins.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="645" />
            <source>Check-ins · %1</source>
            <translation>Check-ins · %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="698" />
            <source>Checked in today: %n</source>
            <translation>
                <numerusform>Checked in today: %Ln</numerusform>
                <numerusform>Checked in today: %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="701" />
            <source>Checked in on %1: %n</source>
            <translation>
                <numerusform>Checked in on %1: %Ln</numerusform>
                <numerusform>Checked in on %1: %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="703" />
            <source>Not yet: %n</source>
            <translation>
                <numerusform>Not yet: %Ln</numerusform>
                <numerusform>Not yet: %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="705" />
            <source>on leave: %n</source>
            <translation>
                <numerusform>on leave: %Ln</numerusform>
                <numerusform>on leave: %Ln</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="707" />
            <source>everyone is in</source>
            <translation>everyone is in</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="710" />
            <source>On leave: %1</source>
            <translation>On leave: %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="920" />
            <source>“%1” is not a member of this group: %2</source>
            <translation>“%1” is not a member of this group: %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="752" />
            <location filename="../../ui/pages/checkins_page.py" line="814" />
            <source>Nobody in this group matches “%1”</source>
            <translation>Nobody in this group matches “%1”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="817" />
            <source>%n people match “%1”: pick one with ↓ and press Enter</source>
            <translation>
                <numerusform>%Ln person matches “%1”: pick with ↓ and press Enter</numerusform>
                <numerusform>%Ln people match “%1”: pick one with ↓ and press Enter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="857" />
            <source>%n-day streak</source>
            <translation>
                <numerusform>%Ln-day streak</numerusform>
                <numerusform>%Ln-day streak</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="859" />
            <source>%1 ✓ %n-day streak</source>
            <translation>
                <numerusform>%1 ✓ %Ln-day streak</numerusform>
                <numerusform>%1 ✓ %Ln-day streak</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="863" />
            <source>%1 had already checked in</source>
            <translation>%1 had already checked in</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1011" />
            <source>streak bonus +%1 points</source>
            <translation>streak bonus +%1 points</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="907" />
            <source>Undone: %1's check-in</source>
            <translation>Undone: %1's check-in</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="909" />
            <source>Undone: %n check-in(s)</source>
            <translation>
                <numerusform>Undone: %Ln check-in</numerusform>
                <numerusform>Undone: %Ln check-ins</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1172" />
            <source>%1: no check-in on %2 any more (someone else undid it), nothing to undo.</source>
            <translation>%1: no check-in on %2 any more (someone else undid it), nothing to undo.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1206" />
            <source>Leave recorded: %1, %2 to %3</source>
            <translation>Leave recorded: %1, %2 to %3</translation>
        </message>
        <message>
            <source>(this group only; also in %1: record it there too if it is for every group)</source>
            <translation>(this group only; also in %1: record it there too if it is for every group)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="957" />
            <source>Leave recorded</source>
            <translation>Leave recorded</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1052" />
            <source>Paste, then check the preview</source>
            <translation>Paste, then check the preview</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1054" />
            <source>No names found in the text</source>
            <translation>No names found in the text</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1057" />
            <source>%1 matched</source>
            <translation>%1 matched</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1414" />
            <source>not logged: %1 (Ctrl+Z in the paste box brings the chain back)</source>
            <translation>not logged: %1 (Ctrl+Z in the paste box brings the chain back)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1059" />
            <source>%1 to choose</source>
            <translation>%1 to choose</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1061" />
            <source>%1 unmatched</source>
            <translation>%1 unmatched</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1063" />
            <source>%1 already in</source>
            <translation>%1 already in</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1065" />
            <source>%1 duplicate</source>
            <translation>%1 duplicate</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1067" />
            <source>%1 skipped</source>
            <translation>%1 skipped</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1068" />
            <source>, </source>
            <translation>, </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1070" />
            <source>Log %n check-in(s)</source>
            <translation>
                <numerusform>Log %Ln check-in</numerusform>
                <numerusform>Log %Ln check-ins</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1115" />
            <source>Logging…</source>
            <translation>Logging…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1136" />
            <source>Cancelled: nothing was logged</source>
            <translation>Cancelled: nothing was logged</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1139" />
            <source>Logged %n check-in(s)</source>
            <translation>
                <numerusform>Logged %Ln check-in</numerusform>
                <numerusform>Logged %Ln check-ins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1141" />
            <source>%n had already checked in</source>
            <translation>
                <numerusform>%Ln had already checked in</numerusform>
                <numerusform>%Ln had already checked in</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1143" />
            <source>%n new member(s) added</source>
            <translation>
                <numerusform>%Ln new member added</numerusform>
                <numerusform>%Ln new members added</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1180" />
            <source>%1 · check-ins per day, last 6 months</source>
            <translation>%1 · check-ins per day, last 6 months</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1184" />
            <source>Average over the last 30 days: %1 a day</source>
            <translation>Average over the last 30 days: %1 a day</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1187" />
            <source>Busiest day: %1 (%2)</source>
            <translation>Busiest day: %1 (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1191" />
            <source>Select someone in the day's list to see their calendar.</source>
            <translation>Select someone in the day's list to see their calendar.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1197" />
            <source>%1 · check-in calendar</source>
            <translation>%1 · check-in calendar</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1200" />
            <source>Current streak: %n day(s)</source>
            <translation>
                <numerusform>Current streak: %Ln day</numerusform>
                <numerusform>Current streak: %Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1201" />
            <source>Longest streak: %n day(s)</source>
            <translation>
                <numerusform>Longest streak: %Ln day</numerusform>
                <numerusform>Longest streak: %Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1202" />
            <source>Checked in on %n day(s) in the last 6 months</source>
            <translation>
                <numerusform>Checked in on %Ln day in the last 6 months</numerusform>
                <numerusform>Checked in on %Ln days in the last 6 months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1205" />
            <source>On leave: %n day(s)</source>
            <translation>
                <numerusform>On leave: %Ln day</numerusform>
                <numerusform>On leave: %Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1207" />
            <source>Late check-ins: %n</source>
            <translation>
                <numerusform>Late check-ins: %Ln</numerusform>
                <numerusform>Late check-ins: %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>The day the check-ins are for. Logging an earlier day is not late (补卡) by itself.</source>
            <translation>The day the check-ins are for. Logging an earlier day is not late (补卡) by itself.</translation>
        </message>
        <message>
            <source>Earlier day</source>
            <translation>Earlier day</translation>
        </message>
        <message>
            <source>补卡 (late)</source>
            <translation>Late (补卡)</translation>
        </message>
        <message>
            <source>Mark what you log now as 补卡: the member checked in after the day was over. Lines of a paste that say 补卡 are marked by themselves.</source>
            <translation>Mark what you log now as late (补卡): the member checked in after the day was over. Lines of a paste that say so (late for Fri, make-up for Monday, 补卡) are marked by themselves.</translation>
        </message>
        <message>
            <source>The paste box was emptied: you switched group (Ctrl+Z in the box brings it back)</source>
            <translation>The paste box was emptied: you switched group (Ctrl+Z in the box brings it back)</translation>
        </message>
        <message>
            <source>You are logging check-ins for %1, marked 补卡: the members checked in after the day.</source>
            <translation>You are logging check-ins for %1, marked late (补卡): the members checked in after the day.</translation>
        </message>
        <message>
            <source>You are logging check-ins for %1, not today. They are on time (not 补卡) unless a line says 补卡 or you tick 补卡.</source>
            <translation>You are logging check-ins for %1, not today. They are on time (not late) unless a line says it makes up a day (late for Fri, 补卡) or you tick Late.</translation>
        </message>
        <message>
            <source>What you log now is marked 补卡 (late): the members checked in after the day was over.</source>
            <translation>What you log now is marked late (补卡): the members checked in after the day was over.</translation>
        </message>
        <message>
            <source>%1 ✓ 补卡 for %2</source>
            <translation>%1 ✓ late for %2</translation>
        </message>
        <message>
            <source>%1 ✓ checked in for %2</source>
            <translation>%1 ✓ checked in for %2</translation>
        </message>
        <message>
            <source>This chain is dated %1, but you are logging %2. Which day is it for?</source>
            <translation>This chain is dated %1, but you are logging %2. Which day is it for?</translation>
        </message>
        <message>
            <source>Log it for %1</source>
            <translation>Log it for %1</translation>
        </message>
        <message>
            <source>Keep %1</source>
            <translation>Keep %1</translation>
        </message>
        <message>
            <source>The text, group or day changed: matching again…</source>
            <translation>The text, group or day changed: matching again…</translation>
        </message>
        <message>
            <source>Choose the day first (the chain's title names another day)</source>
            <translation>Choose the day first (the chain's title names another day)</translation>
        </message>
        <message numerus="yes">
            <source>%n not member(s)</source>
            <translation>
                <numerusform>%Ln not a member</numerusform>
                <numerusform>%Ln not members</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 on leave</source>
            <translation>%1 on leave</translation>
        </message>
        <message>
            <source>%1 of another day</source>
            <translation>%1 of another day</translation>
        </message>
        <message>
            <source>The preview was out of date and was matched again: check it, then log</source>
            <translation>The preview was out of date and was matched again: check it, then log</translation>
        </message>
        <message>
            <source>Choose the day first: the chain's title names another day</source>
            <translation>Choose the day first: the chain's title names another day</translation>
        </message>
        <message numerus="yes">
            <source>%n for %1</source>
            <translation>
                <numerusform>%Ln for %1</numerusform>
                <numerusform>%Ln for %1</numerusform>
            </translation>
        </message>
        <message>
            <source>for %1</source>
            <translation>for %1</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”: is this the right group?</source>
            <translation>Most of these names are members of “%1”: is this the right group?</translation>
        </message>
        <message>
            <source>The numbering starts again at 1 on line %1: another chain, without its title? It is logged for the chosen day</source>
            <translation>The numbering starts again at 1 on line %1: another chain, without its title? It is logged for the chosen day</translation>
        </message>
        <message>
            <source>Copy reminder</source>
            <translation>Copy reminder</translation>
        </message>
        <message>
            <source>Not checked in yet</source>
            <translation>Not checked in yet</translation>
        </message>
        <message>
            <source>Copy the list of who has not checked in on this day, to post in the group (@ by group nickname); the arrow opens a preview to edit it first</source>
            <translation>Copy the list of who has not checked in on this day, to post in the group (@ by group nickname); the arrow opens a preview to edit it first</translation>
        </message>
        <message>
            <source>Drag to show or hide the calendar</source>
            <translation>Drag to show or hide the calendar</translation>
        </message>
        <message>
            <source>The day is %1 again: %2 was the day of the last group's chain</source>
            <translation>The day is %1 again: %2 was the day of the last group's chain</translation>
        </message>
        <message>
            <source>This chain's title names %1, a day that does not exist. Pick its day above, or keep %2.</source>
            <translation>This chain's title names %1, a day that does not exist. Pick its day above, or keep %2.</translation>
        </message>
        <message>
            <source>the date and the weekday beside it are different days</source>
            <translation>the date and the weekday beside it are different days</translation>
        </message>
        <message>
            <source>a lunar calendar day, which QunDesk does not turn into a date</source>
            <translation>a lunar calendar day, which QunDesk does not turn into a date</translation>
        </message>
        <message>
            <source>a holiday of several days</source>
            <translation>a holiday of several days</translation>
        </message>
        <message>
            <source>a weekend is a Saturday and a Sunday</source>
            <translation>a weekend is a Saturday and a Sunday</translation>
        </message>
        <message>
            <source>This chain's title says %1, which is not one day QunDesk can tell (%3). Pick its day above, or keep %2.</source>
            <translation>This chain's title says %1, which is not one day QunDesk can tell (%3). Pick its day above, or keep %2.</translation>
        </message>
        <message>
            <source>The pasted chain came with you to this group: check the preview, then log</source>
            <translation>The pasted chain came with you to this group: check the preview, then log</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”, not of this group: was the chain pasted into the wrong group? Nothing is logged until you say.</source>
            <translation>Most of these names are members of “%1”, not of this group: was the chain pasted into the wrong group? Nothing is logged until you say.</translation>
        </message>
        <message>
            <source>Go to “%1” with this paste</source>
            <translation>Go to “%1” with this paste</translation>
        </message>
        <message>
            <source>Say first whether these lines are this group's (most names are members of “%1”)</source>
            <translation>Say first whether these lines are this group's (most names are members of “%1”)</translation>
        </message>
        <message>
            <source>Take back the check-ins this paste logged, in one go (those already in before stay)</source>
            <translation>Take back the check-ins this paste logged, in one go (those already in before stay)</translation>
        </message>
        <message numerus="yes">
            <source>Undo this paste (%n)</source>
            <translation>
                <numerusform>Undo this paste (%Ln)</numerusform>
                <numerusform>Undo this paste (%Ln)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undone: the %n check-in(s) the last paste logged</source>
            <translation>
                <numerusform>Undone: the %Ln check-in the last paste logged</numerusform>
                <numerusform>Undone: the %Ln check-ins the last paste logged</numerusform>
            </translation>
        </message>
        <message>
            <source>A new day: the date moved on to %1 (it showed the day before)</source>
            <translation>A new day: the date moved on to %1 (it showed the day before)</translation>
        </message>
        <message>
            <source>day and month in digits that read both ways round, day first or month first, and both are recent days</source>
            <translation>day and month in digits that read both ways round, day first or month first, and both are recent days</translation>
        </message>
        <message>
            <source>in English it can mean two days: the one just gone, or the one of last week</source>
            <translation>in English it can mean two days: the one just gone, or the one of last week</translation>
        </message>
        <message>
            <source>a holiday whose date moves from year to year, and between countries</source>
            <translation>a holiday whose date moves from year to year, and between countries</translation>
        </message>
        <message>
            <source>the date and the camp day, counted from the camp's first day, are different days</source>
            <translation>the date and the camp day, counted from the camp's first day, are different days</translation>
        </message>
        <message>
            <source>no day of the camp: before its first day, or beyond its length</source>
            <translation>no day of the camp: before its first day, or beyond its length</translation>
        </message>
        <message>
            <source>This chain's title says %3, which is %1 counted from the camp's first day, but you are logging %2. Which day is it for?</source>
            <translation>This chain's title says %3, which is %1 counted from the camp's first day, but you are logging %2. Which day is it for?</translation>
        </message>
        <message>
            <source>The title says %1: it is logged for the chosen day. Set the camp's first day in the group's profile and the camp day names the date</source>
            <translation>The title says %1: it is logged for the chosen day. Set the camp's first day in the group's profile and the camp day names the date</translation>
        </message>
        <message numerus="yes">
            <source>Undo the paste in %1 (%n)</source>
            <translation>
                <numerusform>Undo the paste in %1 (%Ln)</numerusform>
                <numerusform>Undo the paste in %1 (%Ln)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undone: the %n check-in(s) the last paste logged in %1</source>
            <translation>
                <numerusform>Undone: the %Ln check-in the last paste logged in %1</numerusform>
                <numerusform>Undone: the %Ln check-ins the last paste logged in %1</numerusform>
            </translation>
        </message>
        <message>
            <source>kept: %1 (logged again since, by hand or another paste)</source>
            <translation>kept: %1 (logged again since, by hand or another paste)</translation>
        </message>
        <message>
            <source>%1: no check-in any more (someone else undid it)</source>
            <translation>%1: no check-in any more (someone else undid it)</translation>
        </message>
        <message>
            <source>not undone: %1 (merged into another record of the person since: undo that check-in in the day's list)</source>
            <translation>not undone: %1 (merged into another record of the person since: undo that check-in in the day's list)</translation>
        </message>
        <message>
            <source>Nothing of the last paste was undone</source>
            <translation>Nothing of the last paste was undone</translation>
        </message>
        <message>
            <source>taken off the roster: %1 (added by this paste)</source>
            <translation>taken off the roster: %1 (added by this paste)</translation>
        </message>
        <message>
            <source>added by this paste, kept on the roster: %1 (recorded on since)</source>
            <translation>added by this paste, kept on the roster: %1 (recorded on since)</translation>
        </message>
        <message>
            <source>added by this paste, kept on the roster: %1 (only an owner or an admin can delete members)</source>
            <translation>added by this paste, kept on the roster: %1 (only an owner or an admin can delete members)</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="54" />
            <source>Leave</source>
            <translation>Leave</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="71" />
            <source>e.g. travelling, ill, exams</source>
            <translation>e.g. travelling, ill, exams</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="73" />
            <source>Leave days neither break a streak nor count against the check-in rate.</source>
            <translation>Leave days neither break a streak nor count against the check-in rate.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="82" />
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="83" />
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="84" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="88" />
            <source>Record leave</source>
            <translation>Record leave</translation>
        </message>
        <message>
            <source>Recorded leave</source>
            <translation>Recorded leave</translation>
        </message>
        <message>
            <source>Remove this leave</source>
            <translation>Remove this leave</translation>
        </message>
        <message>
            <source>Leave removed: %1, %2 to %3.</source>
            <translation>Leave removed: %1, %2 to %3.</translation>
        </message>
        <message numerus="yes">
            <source>%n place(s) at activities of those days that the leave excused are absent again.</source>
            <translation>
                <numerusform>%Ln place at an activity of those days that the leave excused is absent again.</numerusform>
                <numerusform>%Ln places at activities of those days that the leave excused are absent again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s) at activities of those days stay excused: change them on the Activities page if the member did not send word.</source>
            <translation>
                <numerusform>%Ln place at an activity of those days stays excused: change it on the Activities page if the member did not send word.</numerusform>
                <numerusform>%Ln places at activities of those days stay excused: change them on the Activities page if the member did not send word.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="89" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="93" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
    </context>
    <context>
        <name>MatchHow</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="250" />
            <source>same name</source>
            <translation>same name</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="251" />
            <source>nickname</source>
            <translation>nickname</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="252" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="253" />
            <source>pinyin</source>
            <translation>pinyin</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="254" />
            <source>similar</source>
            <translation>similar</translation>
        </message>
        <message>
            <source>group nickname</source>
            <translation>group nickname</translation>
        </message>
        <message>
            <source>name before a recent rename</source>
            <translation>name before a recent rename</translation>
        </message>
        <message>
            <source>name of a record merged into theirs</source>
            <translation>name of a record merged into theirs</translation>
        </message>
    </context>
    <context>
        <name>MemberPickerDialog</name>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="17" />
            <source>Pick a member</source>
            <translation>Pick a member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="24" />
            <source>Who is “%1” in the chat?</source>
            <translation>Who is “%1” in the chat?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="32" />
            <source>Choose</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="33" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>MemberSearchList</name>
        <message>
            <location filename="../../ui/widgets/member_search.py" line="38" />
            <source>Name, nickname, WeChat ID or pinyin (zs)</source>
            <translation>Name, nickname, WeChat ID or pinyin (zs)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_search.py" line="95" />
            <source>The first %1 shown: more members match — type more of the name</source>
            <translation>The first %1 shown: more members match — type more of the name</translation>
        </message>
        <message>
            <source>phone …%1</source>
            <translation>phone …%1</translation>
        </message>
        <message>
            <source>joined %1</source>
            <translation>joined %1</translation>
        </message>
        <message numerus="yes">
            <source>%n members may be meant: choose one.</source>
            <translation>
                <numerusform>%Ln members may be meant: choose one.</numerusform>
                <numerusform>%Ln members may be meant: choose one.</numerusform>
            </translation>
        </message>
        <message>
            <source>formerly %1</source>
            <translation>formerly %1</translation>
        </message>
    </context>
    <context>
        <name>PastePreviewModel</name>
        <message>
            <source>A message addressed to someone (@…): a reminder, or a check-in for them. Choose who checked in, or Skip.</source>
            <translation>A message addressed to someone (@…): a reminder, or a check-in for them. Choose who checked in, or Skip.</translation>
        </message>
        <message>
            <source>The message says someone else checked in. Choose who checked in, or Skip.</source>
            <translation>The message says someone else checked in. Choose who checked in, or Skip.</translation>
        </message>
        <message>
            <source>Posted for someone else. Choose who checked in, or Skip.</source>
            <translation>Posted for someone else. Choose who checked in, or Skip.</translation>
        </message>
        <message>
            <source>%1 is on leave: not logged. Double-click or Enter records the leave.</source>
            <translation>%1 is on leave: not logged. Double-click or Enter records the leave.</translation>
        </message>
        <message>
            <source>on line %1</source>
            <translation>on line %1</translation>
        </message>
        <message>
            <source>Already checked in: logged by %1 at %2 (%3)</source>
            <translation>Already checked in: logged by %1 at %2 (%3)</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="209" />
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="210" />
            <source>Pasted text</source>
            <translation>Pasted text</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="211" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="212" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="213" />
            <source>Check in as</source>
            <translation>Check in as</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="426" />
            <location filename="../../ui/models/checkins_models.py" line="525" />
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="441" />
            <source>Pick a member…</source>
            <translation>Pick a member…</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="442" />
            <location filename="../../ui/models/checkins_models.py" line="529" />
            <source>Add as new member</source>
            <translation>Add as new member</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="444" />
            <source>Someone else…</source>
            <translation>Someone else…</translation>
        </message>
        <message>
            <source>Count it: %1</source>
            <translation>Count it: %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="445" />
            <location filename="../../ui/models/checkins_models.py" line="527" />
            <source>Skip</source>
            <translation>Skip</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="518" />
            <source>Same as line %1</source>
            <translation>Same as line %1</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>补卡</source>
            <translation>late</translation>
        </message>
        <message>
            <source>Not logged (请假)</source>
            <translation>Not logged (on leave)</translation>
        </message>
        <message>
            <source>Not logged (another day)</source>
            <translation>Not logged (another day)</translation>
        </message>
        <message>
            <source>This line belongs to %1</source>
            <translation>This line belongs to %1</translation>
        </message>
        <message>
            <source>The time written on the line (kept as the check-in's time)</source>
            <translation>The time written on the line (kept as the check-in's time)</translation>
        </message>
        <message>
            <source>Not logged (请假 %1)</source>
            <translation>Not logged (on leave %1)</translation>
        </message>
        <message>
            <source>Not logged (请假 %1, recorded)</source>
            <translation>Not logged (on leave %1, recorded)</translation>
        </message>
        <message>
            <source>written by %1</source>
            <translation>written by %1</translation>
        </message>
        <message numerus="yes">
            <source>Leave: not logged. %n members may be meant: double-click or Enter to choose whose leave to record.</source>
            <translation>
                <numerusform>Leave: not logged. %Ln members may be meant: double-click or Enter to choose whose leave to record.</numerusform>
                <numerusform>Leave: not logged. %Ln members may be meant: double-click or Enter to choose whose leave to record.</numerusform>
            </translation>
        </message>
        <message>
            <source>Refers to another line (同上, 我也是, ditto) and names nobody. Pick whose check-in it is, or Skip.</source>
            <translation>Refers to another line (同上, 我也是, ditto) and names nobody. Pick whose check-in it is, or Skip.</translation>
        </message>
        <message>
            <source>Only said +1 or 同上 under someone's check-in. Count it as their check-in, or Skip.</source>
            <translation>Only said +1 or 同上 under someone's check-in. Count it as their check-in, or Skip.</translation>
        </message>
        <message>
            <source>A make-up of an earlier day with a check mark beside it: the mark may be this day's check-in or the make-up's own. Keep each row that happened, or Skip.</source>
            <translation>A make-up of an earlier day with a check mark beside it: the mark may be this day's check-in or the make-up's own. Keep each row that happened, or Skip.</translation>
        </message>
        <message>
            <source>This day's check-in, and a make-up besides of a day the line does not say (not logged: log it on that day). Keep this day's check-in, or Skip.</source>
            <translation>This day's check-in, and a make-up besides of a day the line does not say (not logged: log it on that day). Keep this day's check-in, or Skip.</translation>
        </message>
        <message>
            <source>Only %1's check-in is logged: the family beside them (%2) is nobody on the roster.</source>
            <translation>Only %1's check-in is logged: the family beside them (%2) is nobody on the roster.</translation>
        </message>
    </context>
    <context>
        <name>PasteStatus</name>
        <message>
            <source>Written outside the chain: not counted as a check-in</source>
            <translation>Written outside the chain: not counted as a check-in</translation>
        </message>
        <message>
            <source>Not sure yet, or on the waiting list: not signed up</source>
            <translation>Not sure yet, or on the waiting list: not signed up</translation>
        </message>
        <message>
            <source>Not a check-in</source>
            <translation>Not a check-in</translation>
        </message>
        <message>
            <source>A quoted message</source>
            <translation>A quoted message</translation>
        </message>
        <message>
            <source>A system notice</source>
            <translation>A system notice</translation>
        </message>
        <message>
            <source>An @mention</source>
            <translation>An @mention</translation>
        </message>
        <message>
            <source>Only a reply (收到, 好的, 谢谢…): not counted as a check-in</source>
            <translation>Only a reply (got it, thanks, 收到, 好的…): not counted as a check-in</translation>
        </message>
        <message>
            <source>A question about checking in</source>
            <translation>A question about checking in</translation>
        </message>
        <message>
            <source>Says not checked in, or a reminder</source>
            <translation>Says not checked in, or a reminder</translation>
        </message>
        <message>
            <source>Took the sign-up back</source>
            <translation>Took the sign-up back</translation>
        </message>
        <message>
            <source>A sign-up in a 明日预告 (preview), not a check-in</source>
            <translation>A sign-up in a preview of tomorrow (明日预告), not a check-in</translation>
        </message>
        <message>
            <source>The day it makes up does not exist: not logged</source>
            <translation>The day it makes up does not exist: not logged</translation>
        </message>
        <message>
            <source>Makes up a camp day by number; the chain's title names no camp day: not logged</source>
            <translation>Makes up a camp day by number; the chain's title names no camp day: not logged</translation>
        </message>
        <message>
            <source>No check-in keyword (%1): not counted as a check-in</source>
            <translation>No check-in keyword (%1): not counted as a check-in</translation>
        </message>
        <message>
            <source>Talks about checking in (starts tomorrow, a link): not a check-in</source>
            <translation>Talks about checking in (starts tomorrow, a link): not a check-in</translation>
        </message>
        <message>
            <source>Chain of another group: %1</source>
            <translation>Chain of another group: %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="226" />
            <source>Matched</source>
            <translation>Matched</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="227" />
            <source>Choose</source>
            <translation>Choose</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="228" />
            <source>Unmatched</source>
            <translation>Unmatched</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="229" />
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="230" />
            <source>Already checked in</source>
            <translation>Already checked in</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="235" />
            <source>Chosen</source>
            <translation>Chosen</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="236" />
            <source>New member</source>
            <translation>New member</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="237" />
            <source>Skipped</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>Not a member</source>
            <translation>Not a member</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>On leave</translation>
        </message>
        <message>
            <source>Another day</source>
            <translation>Another day</translation>
        </message>
        <message>
            <source>A notice to everyone (@所有人): not a check-in</source>
            <translation>A notice to everyone (@所有人): not a check-in</translation>
        </message>
        <message>
            <source>Makes up a day written in words that name no one day (a weekend, a lunar date): not logged</source>
            <translation>Makes up a day written in words that name no one day (a weekend, a lunar date): not logged</translation>
        </message>
        <message>
            <source>Makes up a camp day that is no day of the camp (before its first day or after its last): not logged</source>
            <translation>Makes up a camp day that is no day of the camp (before its first day or after its last): not logged</translation>
        </message>
        <message>
            <source>Sent this chain (接龙) message: not a check-in by itself, the chain's lines are</source>
            <translation>Sent this chain (接龙) message: not a check-in by itself, the chain's lines are</translation>
        </message>
        <message>
            <source>The list says they did not come: not marked attended</source>
            <translation>The list says they did not come: not marked attended</translation>
        </message>
        <message>
            <source>Written outside the chain: not a sign-up by itself</source>
            <translation>Written outside the chain: not a sign-up by itself</translation>
        </message>
        <message>
            <source>Beyond the places the chain gives (限N人): waiting, not signed up</source>
            <translation>Beyond the places the chain gives (限N人): waiting, not signed up</translation>
        </message>
    </context>
</TS>
