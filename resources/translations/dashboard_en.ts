<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AlertKind</name>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="59" />
            <source>Zombie group</source>
            <translation>Zombie group</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="60" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="61" />
            <source>Repeat violators</source>
            <translation>Repeat violators</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="62" />
            <source>Stalled onboarding</source>
            <translation>Stalled onboarding</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="63" />
            <source>Silent newcomers</source>
            <translation>Silent newcomers</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="64" />
            <source>Dormant members</source>
            <translation>Dormant members</translation>
        </message>
    </context>
    <context>
        <name>AlertMembersDialog</name>
        <message numerus="yes">
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="35" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="40" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="40" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="57" />
            <source>Copy names</source>
            <translation>Copy names</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="58" />
            <source>Copy the names, one per line, to paste into the chat</source>
            <translation>Copy the names, one per line, to paste into the chat</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="80" />
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>%1 in all groups: %2 (someone in two groups is a member of both)</source>
            <translation>%1 in all groups: %2 (someone in two groups is a member of both)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="70" />
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="71" />
            <source>Mid</source>
            <translation>Mid</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="72" />
            <source>Ordinary</source>
            <translation>Ordinary</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="73" />
            <source>Not set</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="281" />
            <source>Computing…</source>
            <translation>Computing…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="287" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="288" />
            <source>Compute the figures again (F5)</source>
            <translation>Compute the figures again (F5)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="322" />
            <source>Zombie-group alert</source>
            <translation>Zombie-group alert</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="336" />
            <location filename="../../ui/pages/dashboard_page.py" line="461" />
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="337" />
            <location filename="../../ui/pages/dashboard_page.py" line="462" />
            <source>Active, 7 days</source>
            <translation>Active, 7 days</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="338" />
            <location filename="../../ui/pages/dashboard_page.py" line="463" />
            <source>Active, 30 days</source>
            <translation>Active, 30 days</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="339" />
            <location filename="../../ui/pages/dashboard_page.py" line="464" />
            <source>Check-in rate</source>
            <translation>Check-in rate</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="340" />
            <location filename="../../ui/pages/dashboard_page.py" line="738" />
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="341" />
            <source>Attendance rate</source>
            <translation>Attendance rate</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="342" />
            <location filename="../../ui/pages/dashboard_page.py" line="465" />
            <source>Dormant</source>
            <translation>Dormant</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="343" />
            <source>Silent newcomers</source>
            <translation>Silent newcomers</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="344" />
            <location filename="../../ui/pages/dashboard_page.py" line="466" />
            <source>Stalled onboarding</source>
            <translation>Stalled onboarding</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="345" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="346" />
            <source>Joined / left</source>
            <translation>Joined / left</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="366" />
            <source>Daily check-ins this month</source>
            <translation>Daily check-ins this month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="367" />
            <source>Member structure against %1</source>
            <translation>Member structure against %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="368" />
            <source>Entry funnel (conversion from the step before)</source>
            <translation>Entry funnel (conversion from the step before)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="369" />
            <source>Activities per month</source>
            <translation>Activities per month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="393" />
            <source>No alerts. The group looks healthy.</source>
            <translation>No alerts. The group looks healthy.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="395" />
            <source>Alerts</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="397" />
            <source>Click an alert to see the members.</source>
            <translation>Click an alert to see the members.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="409" />
            <source>Role coverage</source>
            <translation>Role coverage</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="417" />
            <source>Top referrers</source>
            <translation>Top referrers</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="460" />
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="467" />
            <source>Zombie groups</source>
            <translation>Zombie groups</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="498" />
            <source>Riskiest groups first: zombie groups, then the lowest share of members active in the last 7 days. Click a column header to sort by it.</source>
            <translation>Riskiest groups first: zombie groups, then the lowest share of members active in the last 7 days. Click a column header to sort by it.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="551" />
            <location filename="../../ui/pages/dashboard_page.py" line="841" />
            <source>All groups</source>
            <translation>All groups</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="625" />
            <location filename="../../ui/pages/dashboard_page.py" line="842" />
            <source>as of %1</source>
            <translation>as of %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="647" />
            <source>Now in the group</source>
            <translation>Now in the group</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="648" />
            <source>Members on %1</source>
            <translation>Members on %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="652" />
            <location filename="../../ui/pages/dashboard_page.py" line="658" />
            <source>%1 of the members</source>
            <translation>%1 of the members</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="654" />
            <source>Members with a check-in, an attended activity, a contribution or a chat message in the last 7 days</source>
            <translation>Members with a check-in, an attended activity, a contribution or a chat message in the last 7 days</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="659" />
            <source>Members with a check-in, an attended activity, a contribution or a chat message in the last 30 days</source>
            <translation>Members with a check-in, an attended activity, a contribution or a chat message in the last 30 days</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="665" />
            <source>Last month %1 %2</source>
            <translation>%2 from %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="669" />
            <source>Members' check-ins ÷ (members × days so far, leave days excepted); change in points</source>
            <translation>Members' check-ins ÷ (members × days so far, leave days excepted); change in points</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="673" />
            <source>Last month %1</source>
            <translation>Last month %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="674" />
            <source>Activities starting this month</source>
            <translation>Activities starting this month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="678" />
            <source>Attended ÷ expected</source>
            <translation>Attended ÷ expected</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="679" />
            <source>Attended ÷ (registered + attended + absent) for this month's activities</source>
            <translation>Attended ÷ (registered + attended + absent) for this month's activities</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="683" />
            <source>No recent participation</source>
            <translation>Gone quiet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="684" />
            <source>Not taking part yet</source>
            <translation>Not taking part yet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="685" />
            <source>Stuck at a step</source>
            <translation>Stuck at a step</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="687" />
            <source>Click to see who</source>
            <translation>Click to see who</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="756" />
            <source>Since %1</source>
            <translation>Since %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="758" />
            <source>Dormant members are counted over the days QunDesk has observed this group: since %1, the day it was set up here or the earliest history imported</source>
            <translation>Dormant members are counted over the days QunDesk has observed this group: since %1, the day it was set up here or the earliest history imported</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="692" />
            <source>%1 used</source>
            <translation>%1 used</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="695" />
            <source>A WeChat group holds at most 500 people; QunDesk warns at %1</source>
            <translation>A WeChat group holds at most 500 people; QunDesk warns at %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="702" />
            <source>Net %1</source>
            <translation>Net %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="704" />
            <source>Members who joined and who left this month</source>
            <translation>Members who joined and who left this month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="710" />
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="718" />
            <source>Actual</source>
            <translation>Actual</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="719" />
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="733" />
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="762" />
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 and %Ln more</numerusform>
                <numerusform>%1 and %Ln more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="763" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="767" />
            <source>Click to see the %n member(s)</source>
            <translation>
                <numerusform>Click to see the %Ln member</numerusform>
                <numerusform>Click to see the %Ln members</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="820" />
            <source>Missing: %1</source>
            <translation>Missing: %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="823" />
            <source>✓ Every role is covered</source>
            <translation>✓ Every role is covered</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="829" />
            <source>No referrals recorded yet.</source>
            <translation>No referrals recorded yet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="832" />
            <source>%1. %2 — brought %n member(s)</source>
            <translation>
                <numerusform>%1. %2 — brought %Ln member</numerusform>
                <numerusform>%1. %2 — brought %Ln members</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="852" />
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Chat messages per day this month</source>
            <translation>Chat messages per day this month</translation>
        </message>
        <message>
            <source>Who speaks most (30 days)</source>
            <translation>Who speaks most (30 days)</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message numerus="yes">
            <source>%1. %2 — %n message(s)</source>
            <translation>
                <numerusform>%1. %2 — %Ln message</numerusform>
                <numerusform>%1. %2 — %Ln messages</numerusform>
            </translation>
        </message>
        <message>
            <source>No chat history imported for the last 30 days (Tools → Import a chat history…).</source>
            <translation>No chat history imported for the last 30 days (Tools → Import a chat history…).</translation>
        </message>
        <message>
            <source>Copy month summary</source>
            <translation>Copy month summary</translation>
        </message>
        <message>
            <source>Month summary</source>
            <translation>Month summary</translation>
        </message>
        <message>
            <source>Copy this month's headline figures with last month's beside them, to post in the group; the arrow opens a preview or last month's summary</source>
            <translation>Copy this month's headline figures with last month's beside them, to post in the group; the arrow opens a preview or last month's summary</translation>
        </message>
        <message>
            <source>Last month's summary…</source>
            <translation>Last month's summary…</translation>
        </message>
        <message>
            <source>Stalled</source>
            <translation>Stalled</translation>
        </message>
        <message>
            <source>Not taken yet</source>
            <translation>Not taken yet</translation>
        </message>
    </context>
    <context>
        <name>GroupOverviewModel</name>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="26" />
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="27" />
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="28" />
            <source>Active 7 days</source>
            <translation>Active 7 days</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="29" />
            <source>Active 30 days</source>
            <translation>Active 30 days</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="30" />
            <source>Check-in rate</source>
            <translation>Check-in rate</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="31" />
            <source>Dormant</source>
            <translation>Dormant</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="32" />
            <source>Stalled</source>
            <translation>Stalled</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="33" />
            <source>Zombie group</source>
            <translation>Zombie group</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="128" />
            <source>%1% of the capacity used</source>
            <translation>%1% of the capacity used</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="147" />
            <source>Zombie</source>
            <translation>Zombie</translation>
        </message>
    </context>
</TS>
