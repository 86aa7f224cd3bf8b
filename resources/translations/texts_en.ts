<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>PasteTextButton</name>
        <message>
            <source>Copy the text for the group; the arrow opens a preview to edit it first</source>
            <translation>Copy the text for the group; the arrow opens a preview to edit it first</translation>
        </message>
        <message>
            <source>Preview and edit…</source>
            <translation>Preview and edit…</translation>
        </message>
        <message>
            <source>Copied ✓</source>
            <translation>Copied ✓</translation>
        </message>
        <message>
            <source>Copied: paste it into the group chat</source>
            <translation>Copied: paste it into the group chat</translation>
        </message>
    </context>
    <context>
        <name>TextPreviewDialog</name>
        <message>
            <source>Edit if you like, then copy and paste into the group.</source>
            <translation>Edit if you like, then copy and paste into the group.</translation>
        </message>
        <message numerus="yes">
            <source>Too long for one message: post these %n messages one after the other.</source>
            <translation>
                <numerusform>Too long for one message: post these %Ln messages one after the other.</numerusform>
                <numerusform>Too long for one message: post these %Ln messages one after the other.</numerusform>
            </translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Message %1 of %2</source>
            <translation>Message %1 of %2</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy message %1</source>
            <translation>Copy message %1</translation>
        </message>
        <message>
            <source>%1 characters</source>
            <translation>%1 characters</translation>
        </message>
        <message>
            <source>Longer than %1 characters: WeChat shows it folded</source>
            <translation>Longer than %1 characters: WeChat shows it folded</translation>
        </message>
        <message>
            <source>Copied ✓</source>
            <translation>Copied ✓</translation>
        </message>
    </context>
    <context>
        <name>TextTemplatesEditor</name>
        <message>
            <source>Not checked in yet (Check-ins page)</source>
            <translation>Not checked in yet (Check-ins page)</translation>
        </message>
        <message>
            <source>Welcome (member panel, Onboarding page)</source>
            <translation>Welcome (member panel, Onboarding page)</translation>
        </message>
        <message>
            <source>Stalled reminder (Onboarding page)</source>
            <translation>Stalled reminder (Onboarding page)</translation>
        </message>
        <message>
            <source>Leaderboard (Points page)</source>
            <translation>Leaderboard (Points page)</translation>
        </message>
        <message>
            <source>Month summary (Dashboard)</source>
            <translation>Month summary (Dashboard)</translation>
        </message>
        <message>
            <source>the group's name</source>
            <translation>the group's name</translation>
        </message>
        <message>
            <source>the day, e.g. 11月20日</source>
            <translation>the day, e.g. 11月20日</translation>
        </message>
        <message>
            <source>the weekday, e.g. 周五</source>
            <translation>the weekday, e.g. 周五</translation>
        </message>
        <message>
            <source>how many people the list names</source>
            <translation>how many people the list names</translation>
        </message>
        <message>
            <source>how many have checked in</source>
            <translation>how many have checked in</translation>
        </message>
        <message>
            <source>how many are expected (members not on leave)</source>
            <translation>how many are expected (members not on leave)</translation>
        </message>
        <message>
            <source>who has not checked in: @group nickname, a few per line</source>
            <translation>who has not checked in: @group nickname, a few per line</translation>
        </message>
        <message>
            <source>the newcomer, as the group sees them</source>
            <translation>the newcomer, as the group sees them</translation>
        </message>
        <message>
            <source>the group's goal (profile)</source>
            <translation>the group's goal (profile)</translation>
        </message>
        <message>
            <source>the first lines of the current rules</source>
            <translation>the first lines of the current rules</translation>
        </message>
        <message>
            <source>the joining notice (profile)</source>
            <translation>the joining notice (profile)</translation>
        </message>
        <message>
            <source>the entry steps still to do, numbered</source>
            <translation>the entry steps still to do, numbered</translation>
        </message>
        <message>
            <source>who runs the group (profile), else 群主或管理员</source>
            <translation>who runs the group (profile), else 群主或管理员</translation>
        </message>
        <message>
            <source>the stalled threshold in days</source>
            <translation>the stalled threshold in days</translation>
        </message>
        <message>
            <source>the list: one line per person</source>
            <translation>the list: one line per person</translation>
        </message>
        <message>
            <source>the month, e.g. 11月</source>
            <translation>the month, e.g. 11月</translation>
        </message>
        <message>
            <source>leaderboard: how many are listed; summary: the month's top scorer</source>
            <translation>leaderboard: how many are listed; summary: the month's top scorer</translation>
        </message>
        <message>
            <source>who reached a higher level this month</source>
            <translation>who reached a higher level this month</translation>
        </message>
        <message>
            <source>members at the end of the month</source>
            <translation>members at the end of the month</translation>
        </message>
        <message>
            <source>members at the end of last month</source>
            <translation>members at the end of last month</translation>
        </message>
        <message>
            <source>members who took part this month</source>
            <translation>members who took part this month</translation>
        </message>
        <message>
            <source>members who took part last month</source>
            <translation>members who took part last month</translation>
        </message>
        <message>
            <source>check-ins this month</source>
            <translation>check-ins this month</translation>
        </message>
        <message>
            <source>check-ins last month</source>
            <translation>check-ins last month</translation>
        </message>
        <message>
            <source>check-in rate this month</source>
            <translation>check-in rate this month</translation>
        </message>
        <message>
            <source>check-in rate last month</source>
            <translation>check-in rate last month</translation>
        </message>
        <message>
            <source>people who joined this month</source>
            <translation>people who joined this month</translation>
        </message>
        <message>
            <source>people who left this month</source>
            <translation>people who left this month</translation>
        </message>
        <message>
            <source>chat messages this month (empty without chat imports)</source>
            <translation>chat messages this month (empty without chat imports)</translation>
        </message>
        <message>
            <source>chat messages last month</source>
            <translation>chat messages last month</translation>
        </message>
        <message>
            <source>activities this month (empty when none either month)</source>
            <translation>activities this month (empty when none either month)</translation>
        </message>
        <message>
            <source>activities last month</source>
            <translation>activities last month</translation>
        </message>
        <message>
            <source>points awarded this month</source>
            <translation>points awarded this month</translation>
        </message>
        <message>
            <source>Back to the default</source>
            <translation>Back to the default</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>$name is replaced by its value; a line whose placeholders are all empty is left out; write $$ for a dollar sign.</source>
            <translation>$name is replaced by its value; a line whose placeholders are all empty is left out; write $$ for a dollar sign.</translation>
        </message>
        <message>
            <source>Double-click to insert at the cursor</source>
            <translation>Double-click to insert at the cursor</translation>
        </message>
        <message>
            <source>Placeholders</source>
            <translation>Placeholders</translation>
        </message>
        <message>
            <source>Preview with this group's facts</source>
            <translation>Preview with this group's facts</translation>
        </message>
        <message>
            <source>default</source>
            <translation>default</translation>
        </message>
        <message>
            <source>this group's own</source>
            <translation>this group's own</translation>
        </message>
        <message>
            <source>(Nothing to post today: %1)</source>
            <translation>(Nothing to post today: %1)</translation>
        </message>
    </context>
</TS>
