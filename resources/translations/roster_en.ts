<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>GroupProfileDialog</name>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="81" />
            <source>Group profile — %1</source>
            <translation>Group profile — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="91" />
            <source>Basics</source>
            <translation>Basics</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="92" />
            <source>Seven essentials</source>
            <translation>Seven essentials</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="93" />
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="196" />
            <source>Rules</source>
            <translation>Rules</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="100" />
            <source>Archive group…</source>
            <translation>Archive group…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="102" />
            <source>Hide this group from the lists; its members, check-ins and history are kept</source>
            <translation>Hide this group from the lists; its members, check-ins and history are kept</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="107" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="109" />
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="453" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="129" />
            <source>A WeChat group holds at most 500 people</source>
            <translation>A WeChat group holds at most 500 people</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="134" />
            <source>What newcomers must know before joining (入会须知)</source>
            <translation>What newcomers must know before joining (入会须知)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="135" />
            <source>Late check-ins (补卡) count toward streaks</source>
            <translation>Late check-ins (补卡) count toward streaks</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="137" />
            <source>A check-in logged later for an earlier day keeps the streak going when this is on. Changing it settles each member's past 7-day bonuses to it at their next check-in, dated on the runs' days: past months' points change then.</source>
            <translation>A check-in logged later for an earlier day keeps the streak going when this is on. Changing it settles each member's past 7-day bonuses to it at their next check-in, dated on the runs' days: past months' points change then.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="139" />
            <source>This group is archived. Its history is kept.</source>
            <translation>This group is archived. Its history is kept.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="148" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="149" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="150" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="152" />
            <source>Joining notice</source>
            <translation>Joining notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="158" />
            <source>What the group is for and who it is for</source>
            <translation>What the group is for and who it is for</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="159" />
            <source>Who may join and what they must do first</source>
            <translation>Who may join and what they must do first</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="164" />
            <source>Threshold fee (0 = free)</source>
            <translation>Threshold fee (0 = free)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="165" />
            <source>What members get from being here</source>
            <translation>What members get from being here</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="169" />
            <source>Edit rules…</source>
            <translation>Edit rules…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="176" />
            <source>e.g. self-introduction, welcome red packet, opening ceremony</source>
            <translation>e.g. self-introduction, welcome red packet, opening ceremony</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="177" />
            <source>e.g. weekly knowledge share, expert live streams</source>
            <translation>e.g. weekly knowledge share, expert live streams</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="178" />
            <source>Who runs the group: daily operator, planner, assistants</source>
            <translation>Who runs the group: daily operator, planner, assistants</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="192" />
            <source>Goal and positioning</source>
            <translation>Goal and positioning</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="193" />
            <source>Threshold</source>
            <translation>Threshold</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="194" />
            <source>Threshold fee</source>
            <translation>Threshold fee</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="195" />
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="197" />
            <source>Rituals</source>
            <translation>Rituals</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="198" />
            <source>Sharing</source>
            <translation>Sharing</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="199" />
            <source>Operators</source>
            <translation>Operators</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="210" />
            <source>Write the group rules here. Each save keeps the old text.</source>
            <translation>Write the group rules here. Each save keeps the old text.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="222" />
            <source>Save as new version</source>
            <translation>Save as new version</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="236" />
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="271" />
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="273" />
            <source>(current)</source>
            <translation>(current)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="294" />
            <source>No rules written yet.</source>
            <translation>No rules written yet.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="297" />
            <source>Version %1 of %2; %n version(s) kept.</source>
            <translation>
                <numerusform>Version %1 of %2; %Ln version kept.</numerusform>
                <numerusform>Version %1 of %2; %Ln versions kept.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="309" />
            <source>No rules yet: write the first version.</source>
            <translation>No rules yet: write the first version.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="312" />
            <source>The current rules (version %1). Saving a change adds version %2.</source>
            <translation>The current rules (version %1). Saving a change adds version %2.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="321" />
            <source>Version %1 of %2 (read only).</source>
            <translation>Version %1 of %2 (read only).</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="332" />
            <source>QunDesk warns at %1% (%2 members) and never refuses anyone; %n member(s) now.</source>
            <translation>
                <numerusform>QunDesk warns at %1% (%2 members) and never refuses anyone; %Ln member now.</numerusform>
                <numerusform>QunDesk warns at %1% (%2 members) and never refuses anyone; %Ln members now.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="364" />
            <source>Only the owner or an admin may change a group</source>
            <translation>Only the owner or an admin may change a group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="367" />
            <source>Read rules…</source>
            <translation>Read rules…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="445" />
            <source>Archive group</source>
            <translation>Archive group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="446" />
            <source>Archive “%1”?</source>
            <translation>Archive “%1”?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="449" />
            <source>The group leaves the group list. Its members, entry progress, check-ins, points and reports are kept.</source>
            <translation>The group leaves the group list. Its members, entry progress, check-ins, points and reports are kept.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="452" />
            <source>Archive</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>打卡 (default)</source>
            <translation>打卡 (default)</translation>
        </message>
        <message>
            <source>A chat message with one of these words is a check-in (chat-history import, pasted chat log; a 接龙 line is one by being on it); separate with 、 or spaces</source>
            <translation>A chat message with one of these words is a check-in (chat-history import, pasted chat log; a 接龙 line is one by being on it); separate with 、 or spaces</translation>
        </message>
        <message>
            <source>Check-in words</source>
            <translation>Check-in words</translation>
        </message>
        <message>
            <source>Texts</source>
            <translation>Texts</translation>
        </message>
        <message>
            <source>Camp's first day (day 1)</source>
            <translation>Camp's first day (day 1)</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>not set</translation>
        </message>
        <message>
            <source>With the camp's first day set, a chain titled 第15天 / Day 15 is logged for the camp's 15th day (first day + 14); a title whose date and day count disagree, or a day beyond the camp's length, is asked</source>
            <translation>With the camp's first day set, a chain titled 第15天 / Day 15 is logged for the camp's 15th day (first day + 14); a title whose date and day count disagree, or a day beyond the camp's length, is asked</translation>
        </message>
        <message>
            <source>Camp start (开营日)</source>
            <translation>Camp start (开营日)</translation>
        </message>
        <message>
            <source>Camp length (days)</source>
            <translation>Camp length (days)</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="422" />
            <source>Merge…</source>
            <translation>Merge…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="423" />
            <source>Open the merge dialog for %1</source>
            <translation>Open the merge dialog for %1</translation>
        </message>
        <message>
            <source>For QQ groups</source>
            <translation>For QQ groups</translation>
        </message>
        <message>
            <source>QQ</source>
            <translation>QQ</translation>
        </message>
        <message>
            <source>Only the owner or an admin may remove or blacklist a member, or lift a blacklist</source>
            <translation>Only the owner or an admin may remove or blacklist a member, or lift a blacklist</translation>
        </message>
        <message>
            <source>deleted: restore them from the roster's deleted people instead</source>
            <translation>deleted: restore them from the roster's deleted people instead</translation>
        </message>
        <message>
            <source>blacklisted in %1</source>
            <translation>blacklisted in %1</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>Undo merge…</source>
            <translation>Undo merge…</translation>
        </message>
        <message>
            <source>Separate the record merged into this person again, as both were before the merge</source>
            <translation>Separate the record merged into this person again, as both were before the merge</translation>
        </message>
        <message>
            <source>Undo merge</source>
            <translation>Undo merge</translation>
        </message>
        <message>
            <source>Separate the record last merged into %1 again? Both become as they were before the merge: their check-ins, points and answers go back to each.</source>
            <translation>Separate the record last merged into %1 again? Both become as they were before the merge: their check-ins, points and answers go back to each.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="189" />
            <source>Select one member to see their details and timeline.</source>
            <translation>Select one member to see their details and timeline.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="217" />
            <source>Everything</source>
            <translation>Everything</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="221" />
            <source>Show only one kind of event</source>
            <translation>Show only one kind of event</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="232" />
            <source>Nothing recorded yet.</source>
            <translation>Nothing recorded yet.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="252" />
            <source>Timeline</source>
            <translation>Timeline</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="253" />
            <source>Entry steps</source>
            <translation>Entry steps</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="257" />
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="258" />
            <source>Mark left…</source>
            <translation>Mark left…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="259" />
            <source>Blacklist…</source>
            <translation>Blacklist…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="260" />
            <source>Merge…</source>
            <translation>Merge…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="265" />
            <source>Record that this member left the group (a reason is kept)</source>
            <translation>Record that this member left the group (a reason is kept)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="267" />
            <source>Block this person in this group; adding them again will warn (owner or admin)</source>
            <translation>Block this person in this group; adding them again will warn (owner or admin)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="269" />
            <source>Merge this person with a duplicate record (owner or admin)</source>
            <translation>Merge this person with a duplicate record (owner or admin)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="348" />
            <source>Seed user</source>
            <translation>Seed user</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="351" />
            <source>Nickname %1</source>
            <translation>Nickname %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="353" />
            <source>Group nickname %1</source>
            <translation>Group nickname %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="355" />
            <source>Deleted</source>
            <translation>Deleted</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="363" />
            <source>Verified</source>
            <translation>Verified</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="369" />
            <source>Points %1</source>
            <translation>Points %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="371" />
            <source>Level %1</source>
            <translation>Level %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="374" />
            <source>Joined %1</source>
            <translation>Joined %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="376" />
            <source>Applied %1</source>
            <translation>Applied %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="378" />
            <source>Left %1</source>
            <translation>Left %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="383" />
            <source>Referred by %1</source>
            <translation>Referred by %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/member_panel.py" line="388" />
            <source>Brought in %n person(s): %1</source>
            <translation>
                <numerusform>Brought in %Ln person: %1</numerusform>
                <numerusform>Brought in %Ln people: %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="391" />
            <location filename="../../ui/widgets/member_panel.py" line="392" />
            <source>Purpose: %1</source>
            <translation>Purpose: %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="394" />
            <location filename="../../ui/widgets/member_panel.py" line="395" />
            <source>Note: %1</source>
            <translation>Note: %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="412" />
            <source>This group has no entry steps.</source>
            <translation>This group has no entry steps.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="415" />
            <source>Entry steps %1/%2</source>
            <translation>Entry steps %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="458" />
            <source>Mark as left</source>
            <translation>Mark as left</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="459" />
            <source>Why did %1 leave? The reason is kept with their history.</source>
            <translation>Why did %1 leave? The reason is kept with their history.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="460" />
            <source>Mark left</source>
            <translation>Mark left</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="467" />
            <location filename="../../ui/widgets/member_panel.py" line="469" />
            <source>Blacklist</source>
            <translation>Blacklist</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="468" />
            <source>Why is %1 blacklisted? Adding them to this group again will show a warning.</source>
            <translation>Why is %1 blacklisted? Adding them to this group again will show a warning.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="479" />
            <source>Reason (required)</source>
            <translation>Reason (required)</translation>
        </message>
        <message>
            <source>Copy welcome</source>
            <translation>Copy welcome</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Copy a welcome for this member to post in the group: the goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</source>
            <translation>Copy a welcome for this member to post in the group: the goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</translation>
        </message>
        <message>
            <source>Click the name to see or change what was recorded</source>
            <translation>Click the name to see or change what was recorded</translation>
        </message>
        <message>
            <source>Tick a step (click or Space) to record it now; untick to undo; click a done step's name to see or change its answer.</source>
            <translation>Tick a step (click or Space) to record it now; untick to undo; click a done step's name to see or change its answer.</translation>
        </message>
        <message>
            <source>Already a member: let in without these steps recorded. Ticking one records it; the status stays.</source>
            <translation>Already a member: let in without these steps recorded. Ticking one records it; the status stays.</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Undo merge</source>
            <translation>Undo merge</translation>
        </message>
        <message>
            <source>Merge undone: the two records are separate again.</source>
            <translation>Merge undone: the two records are separate again.</translation>
        </message>
        <message>
            <source>The check-ins, points and answers of both become one person's. The merge can be undone (here, or later from the kept person's details) until either record changes.</source>
            <translation>The check-ins, points and answers of both become one person's. The merge can be undone (here, or later from the kept person's details) until either record changes.</translation>
        </message>
        <message>
            <source>Their WeChat IDs differ: %1 and %2.</source>
            <translation>Their WeChat IDs differ: %1 and %2.</translation>
        </message>
        <message>
            <source>Their phones differ: %1 and %2.</source>
            <translation>Their phones differ: %1 and %2.</translation>
        </message>
        <message>
            <source>They may be two different people.</source>
            <translation>They may be two different people.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="67" />
            <source>Merge duplicate records</source>
            <translation>Merge duplicate records</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="79" />
            <source>Two records of the same person? Find the other record, compare them and choose the one to keep. Everything of the other record moves to it: groups, entry steps, check-ins (a day logged in both counts once), attendance, points, referrals and history. Empty fields are filled from the other.</source>
            <translation>Two records of the same person? Find the other record, compare them and choose the one to keep. Everything of the other record moves to it: groups, entry steps, check-ins (a day logged in both counts once), attendance, points, referrals and history. Empty fields are filled from the other.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="90" />
            <source>Find the other record: name, WeChat ID, phone tail, pinyin</source>
            <translation>Find the other record: name, WeChat ID, phone tail, pinyin</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="124" />
            <source>Keep:</source>
            <translation>Keep:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="136" />
            <location filename="../../ui/dialogs/merge_dialog.py" line="323" />
            <source>Merge</source>
            <translation>Merge</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="139" />
            <location filename="../../ui/dialogs/merge_dialog.py" line="324" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="145" />
            <source>Only the owner or an admin may merge members</source>
            <translation>Only the owner or an admin may merge members</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="196" />
            <source>No other record matches.</source>
            <translation>No other record matches.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Male</source>
            <translation>Male</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Female</source>
            <translation>Female</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="221" />
            <source>%1 (%2, %n check-in(s))</source>
            <translation>
                <numerusform>%1 (%2, %Ln check-in)</numerusform>
                <numerusform>%1 (%2, %Ln check-ins)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="229" />
            <source>No groups</source>
            <translation>No groups</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="243" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="244" />
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="245" />
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="246" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="247" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="248" />
            <source>Nickname</source>
            <translation>Nickname</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="249" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="250" />
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="251" />
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="252" />
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="253" />
            <source>Added on</source>
            <translation>Added on</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="258" />
            <source>(choose the other record above)</source>
            <translation>(choose the other record above)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="312" />
            <source>Merge records</source>
            <translation>Merge records</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="314" />
            <source>Merge %1 (#%2) into %3 (#%4)?</source>
            <translation>Merge %1 (#%2) into %3 (#%4)?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="346" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="357" />
            <source>Merged into %1.</source>
            <translation>Merged into %1.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="358" />
            <source>%n membership(s) moved</source>
            <translation>
                <numerusform>%Ln membership moved</numerusform>
                <numerusform>%Ln memberships moved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="359" />
            <source>%n membership(s) combined</source>
            <translation>
                <numerusform>%Ln membership combined</numerusform>
                <numerusform>%Ln memberships combined</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="360" />
            <source>%n check-in(s) moved</source>
            <translation>
                <numerusform>%Ln check-in moved</numerusform>
                <numerusform>%Ln check-ins moved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="361" />
            <source>%n same-day duplicate check-in(s) dropped</source>
            <translation>
                <numerusform>%Ln same-day duplicate check-in dropped</numerusform>
                <numerusform>%Ln same-day duplicate check-ins dropped</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="424" />
            <source>every entry step done: now a member of %1</source>
            <translation>every entry step done: now a member of %1</translation>
        </message>
        <message>
            <source>QQ</source>
            <translation>QQ</translation>
        </message>
        <message>
            <source>Their QQ numbers differ: %1 and %2.</source>
            <translation>Their QQ numbers differ: %1 and %2.</translation>
        </message>
        <message>
            <source>Where both records have a value, %1's stays; the other's own nickname, IDs, city and occupation are added to the note.</source>
            <translation>Where both records have a value, %1's stays; the other's own nickname, IDs, city and occupation are added to the note.</translation>
        </message>
        <message>
            <source>Blacklisted in %1: the merged person stays blacklisted there.</source>
            <translation>Blacklisted in %1: the merged person stays blacklisted there.</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%2, joined %3, %n check-in(s))</source>
            <translation>
                <numerusform>%1 (%2, joined %3, %Ln check-in)</numerusform>
                <numerusform>%1 (%2, joined %3, %Ln check-ins)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromptDialog</name>
        <message>
            <location filename="../../ui/dialogs/prompt_dialog.py" line="66" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/prompt_dialog.py" line="67" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>ReferralTreeDialog</name>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="34" />
            <source>Referral tree</source>
            <translation>Referral tree</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Direct referrals</source>
            <translation>Direct referrals</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Brought in</source>
            <translation>Brought in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="45" />
            <source>Everyone they brought in, directly or through the people they brought</source>
            <translation>Everyone they brought in, directly or through the people they brought</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="60" />
            <source>Nobody in this group was brought in by another member yet. Set a referrer on a member to start.</source>
            <translation>Nobody in this group was brought in by another member yet. Set a referrer on a member to start.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="66" />
            <source>Expand all</source>
            <translation>Expand all</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="67" />
            <source>Collapse</source>
            <translation>Collapse</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="71" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="95" />
            <source>%n referrer(s) at the top of a tree</source>
            <translation>
                <numerusform>%Ln referrer at the top of a tree</numerusform>
                <numerusform>%Ln referrers at the top of a tree</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="97" />
            <source>%n person(s) brought in by referral</source>
            <translation>
                <numerusform>%Ln person brought in by referral</numerusform>
                <numerusform>%Ln people brought in by referral</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="104" />
            <source>%1 (not in this group)</source>
            <translation>%1 (not in this group)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="108" />
            <source>%1 (referral cycle)</source>
            <translation>%1 (referral cycle)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="108" />
            <source>%1 is recorded as brought in by %2, and %2 as brought in (directly or through others) by %1. One of these referrers is wrong: correct it on the member.</source>
            <translation>%1 is recorded as brought in by %2, and %2 as brought in (directly or through others) by %1. One of these referrers is wrong: correct it on the member.</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="191" />
            <source>Add tag…</source>
            <translation>Add tag…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="192" />
            <source>Set tier…</source>
            <translation>Set tier…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="193" />
            <source>Add role…</source>
            <translation>Add role…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="195" />
            <source>Copy to group…</source>
            <translation>Copy to group…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="196" />
            <source>Move to group…</source>
            <translation>Move to group…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="198" />
            <source>Mark left…</source>
            <translation>Mark left…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="199" />
            <location filename="../../ui/pages/roster_page.py" line="655" />
            <source>Bulk actions</source>
            <translation>Bulk actions</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="202" />
            <source>Act on every selected member at once (Shift/Ctrl-click to select)</source>
            <translation>Act on every selected member at once (Shift/Ctrl-click to select)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="204" />
            <source>Referral tree</source>
            <translation>Referral tree</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="206" />
            <source>Group profile</source>
            <translation>Group profile</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="208" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="211" />
            <source>Show or hide the member panel</source>
            <translation>Show or hide the member panel</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="258" />
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="456" />
            <source>Choose a group in the list on the left first</source>
            <translation>Choose a group in the list on the left first</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="461" />
            <source>Who brought whom into this group</source>
            <translation>Who brought whom into this group</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="462" />
            <source>Goal, threshold, rules and the other essentials of this group</source>
            <translation>Goal, threshold, rules and the other essentials of this group</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="482" />
            <source>%n people selected. Use “Bulk actions” to change them together.</source>
            <translation>
                <numerusform>%Ln person selected. Use “Bulk actions” to change them together.</numerusform>
                <numerusform>%Ln people selected. Use “Bulk actions” to change them together.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="486" />
            <source>Select one member to see their details and timeline.</source>
            <translation>Select one member to see their details and timeline.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="587" />
            <source>Edited %1.</source>
            <translation>Edited %1.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="643" />
            <source>Restored %n person(s).</source>
            <translation>
                <numerusform>Restored %Ln person.</numerusform>
                <numerusform>Restored %Ln people.</numerusform>
            </translation>
        </message>
        <message>
            <source>An ID-card number is never stored: only its last four characters were kept.</source>
            <translation>An ID-card number is never stored: only its last four characters were kept.</translation>
        </message>
        <message>
            <source>%1 has the same WeChat ID or phone as %2 (#%3): if they are one person, merge them.</source>
            <translation>%1 has the same WeChat ID or phone as %2 (#%3): if they are one person, merge them.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="651" />
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="712" />
            <source>Add tag</source>
            <translation>Add tag</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="713" />
            <source>Tag for %n selected person(s) — pick one or type a new one:</source>
            <translation>
                <numerusform>Tag for %Ln selected person — pick one or type a new one:</numerusform>
                <numerusform>Tag for %Ln selected people — pick one or type a new one:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="716" />
            <source>e.g. early riser</source>
            <translation>e.g. early riser</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="728" />
            <source>Added the tag “%1” to %n person(s).</source>
            <translation>
                <numerusform>Added the tag “%1” to %Ln person.</numerusform>
                <numerusform>Added the tag “%1” to %Ln people.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="739" />
            <source>(no tier)</source>
            <translation>(no tier)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="741" />
            <source>Set tier</source>
            <translation>Set tier</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="742" />
            <source>Tier for %n selected person(s):</source>
            <translation>
                <numerusform>Tier for %Ln selected person:</numerusform>
                <numerusform>Tier for %Ln selected people:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="755" />
            <source>Set the tier of %n person(s) to %1.</source>
            <translation>
                <numerusform>Set the tier of %Ln person to %1.</numerusform>
                <numerusform>Set the tier of %Ln people to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="757" />
            <source>Cleared the tier of %n person(s).</source>
            <translation>
                <numerusform>Cleared the tier of %Ln person.</numerusform>
                <numerusform>Cleared the tier of %Ln people.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="769" />
            <source>Add role</source>
            <translation>Add role</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="770" />
            <source>Role for %n selected person(s) in their group:</source>
            <translation>
                <numerusform>Role for %Ln selected person in their group:</numerusform>
                <numerusform>Role for %Ln selected people in their group:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="783" />
            <source>Added the role “%1” to %n person(s).</source>
            <translation>
                <numerusform>Added the role “%1” to %Ln person.</numerusform>
                <numerusform>Added the role “%1” to %Ln people.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="793" />
            <source>There is no other group to choose. Create one first (File ▸ New group…).</source>
            <translation>There is no other group to choose. Create one first (File ▸ New group…).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="807" />
            <source>Copy to group</source>
            <translation>Copy to group</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="808" />
            <source>Also add %n selected person(s) to this group (they stay where they are):</source>
            <translation>
                <numerusform>Also add %Ln selected person to this group (they stay where they are):</numerusform>
                <numerusform>Also add %Ln selected people to this group (they stay where they are):</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="820" />
            <source>Move to group</source>
            <translation>Move to group</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="822" />
            <source>Move %n selected person(s) to this group. Their old membership is marked as left; its history stays.</source>
            <translation>
                <numerusform>Move %Ln selected person to this group. Their old membership is marked as left; its history stays.</numerusform>
                <numerusform>Move %Ln selected people to this group. Their old membership is marked as left; its history stays.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="834" />
            <source>Moved %n person(s) to %1.</source>
            <translation>
                <numerusform>Moved %Ln person to %1.</numerusform>
                <numerusform>Moved %Ln people to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="836" />
            <source>Copied %n person(s) to %1.</source>
            <translation>
                <numerusform>Copied %Ln person to %1.</numerusform>
                <numerusform>Copied %Ln people to %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="839" />
            <source>%n were already there.</source>
            <translation>
                <numerusform>%Ln was already there.</numerusform>
                <numerusform>%Ln were already there.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Not moved: %1 — still joining %2 (applicant or newcomer there), so they stay here.</source>
            <translation>Not moved: %1 — still joining %2 (applicant or newcomer there), so they stay here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Also gone from the roster of %1.</source>
            <translation>Also gone from the roster of %1.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%1: deleted already by someone else.</source>
            <translation>%1: deleted already by someone else.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%n had left already (their day and reason are kept).</source>
            <translation>
                <numerusform>%Ln had left already (their day and reason are kept).</numerusform>
                <numerusform>%Ln had left already (their day and reason are kept).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%1 had been removed from %2 and are members there again.</source>
            <translation>%1 had been removed from %2 and are members there again.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Blacklisted in another group: %1 — now members of %2 as asked; remove them there if not.</source>
            <translation>Blacklisted in another group: %1 — now members of %2 as asked; remove them there if not.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="850" />
            <source>Mark as left</source>
            <translation>Mark as left</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="851" />
            <source>Why did these %n person(s) leave? The reason is kept with their history.</source>
            <translation>
                <numerusform>Why did this %Ln person leave? The reason is kept with their history.</numerusform>
                <numerusform>Why did these %Ln people leave? The reason is kept with their history.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="852" />
            <source>Reason (required)</source>
            <translation>Reason (required)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="853" />
            <source>Mark left</source>
            <translation>Mark left</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="862" />
            <source>Marked %n person(s) as left.</source>
            <translation>
                <numerusform>Marked %Ln person as left.</numerusform>
                <numerusform>Marked %Ln people as left.</numerusform>
            </translation>
        </message>
        <message>
            <source>Never spoke</source>
            <translation>Never spoke</translation>
        </message>
        <message>
            <source>Members and newcomers with no message in any imported chat history (Tools → Import a chat history…); choose a status to look at others</source>
            <translation>Members and newcomers with no message in any imported chat history (Tools → Import a chat history…); choose a status to look at others</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="546" />
            <source>Only the rows loaded so far are selected: %1 of %2. Scroll down to load more, or narrow the list with the search and the filters.</source>
            <translation>Only the rows loaded so far are selected: %1 of %2. Scroll down to load more, or narrow the list with the search and the filters.</translation>
        </message>
        <message>
            <source>Changing the selected people…</source>
            <translation>Changing the selected people…</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was changed.</source>
            <translation>Cancelled. Nothing was changed.</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>Undone: %1</translation>
        </message>
        <message>
            <source>Redone: %1</source>
            <translation>Redone: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n person(s) changed by someone else since: left as they are.</source>
            <translation>
                <numerusform>%Ln person changed by someone else since: left as they are.</numerusform>
                <numerusform>%Ln people changed by someone else since: left as they are.</numerusform>
            </translation>
        </message>
        <message>
            <source>(Not in the group shown.)</source>
            <translation>(Not in the group shown.)</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s) changed by someone else since: left as they are.</source>
            <translation>
                <numerusform>%Ln field changed by someone else since: left as they are.</numerusform>
                <numerusform>%Ln fields changed by someone else since: left as they are.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to undo here. Undo reaches back to the changes made on this page since QunDesk was opened (a copy or move to a group, or another operator signing in, starts it afresh).</source>
            <translation>Nothing to undo here. Undo reaches back to the changes made on this page since QunDesk was opened (a copy or move to a group, or another operator signing in, starts it afresh).</translation>
        </message>
        <message numerus="yes">
            <source>%n of the selected rows are not in the list now and are no longer selected: bulk actions act only on the %1 still selected.</source>
            <translation>
                <numerusform>%Ln of the selected rows is not in the list now and is no longer selected: bulk actions act only on the %1 still selected.</numerusform>
                <numerusform>%Ln of the selected rows are not in the list now and are no longer selected: bulk actions act only on the %1 still selected.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n selected rows in %1: a person selected in more than one group changes in each of them.</source>
            <translation>
                <numerusform>%Ln selected row in %1: a person selected in more than one group changes in each of them.</numerusform>
                <numerusform>%Ln selected rows in %1: a person selected in more than one group changes in each of them.</numerusform>
            </translation>
        </message>
        <message>
            <source>Adjust points…</source>
            <translation>Adjust points…</translation>
        </message>
        <message>
            <source>Points are adjusted in one group at a time: the selection holds members of %1. Choose one group on the left first.</source>
            <translation>Points are adjusted in one group at a time: the selection holds members of %1. Choose one group on the left first.</translation>
        </message>
        <message numerus="yes">
            <source>Adjusted the points of %n member(s); the Points page's ledger undoes it.</source>
            <translation>
                <numerusform>Adjusted the points of %Ln member; the Points page's ledger undoes it.</numerusform>
                <numerusform>Adjusted the points of %Ln members; the Points page's ledger undoes it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineKind</name>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="63" />
            <source>Entry steps</source>
            <translation>Entry steps</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="64" />
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="65" />
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="66" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="67" />
            <source>Violations</source>
            <translation>Violations</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="68" />
            <source>Contributions</source>
            <translation>Contributions</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="69" />
            <source>Leave</source>
            <translation>Leave</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="70" />
            <source>Joining and leaving</source>
            <translation>Joining and leaving</translation>
        </message>
        <message>
            <source>Chat messages</source>
            <translation>Chat messages</translation>
        </message>
        <message>
            <source>Applications</source>
            <translation>Applications</translation>
        </message>
    </context>
    <context>
        <name>RosterTableModel</name>
        <message>
            <source>Last message</source>
            <translation>Last message</translation>
        </message>
        <message>
            <source>Messages (30 days)</source>
            <translation>Messages (30 days)</translation>
        </message>
        <message>
            <source>%1 (formerly %2)</source>
            <translation>%1 (formerly %2)</translation>
        </message>
    </context>
</TS>
