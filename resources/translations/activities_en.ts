<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>— Not on the list</source>
            <translation>— Not on the list</translation>
        </message>
        <message>
            <source>Not marked, out of the group before the activity: %1</source>
            <translation>Not marked, out of the group before the activity: %1</translation>
        </message>
        <message>
            <source>%1 is on leave that day: recorded as excused, not absent.</source>
            <translation>%1 is on leave that day: recorded as excused, not absent.</translation>
        </message>
        <message>
            <source>%1 is on leave that day: recorded as excused, not signed up.</source>
            <translation>%1 is on leave that day: recorded as excused, not signed up.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Delete an activity entered by mistake (its points are reversed)</source>
            <translation>Delete an activity entered by mistake (its points are reversed)</translation>
        </message>
        <message>
            <source>Delete the activity %1 of %2? Its %3 recorded places go with it and the points of those who attended are reversed in the ledger.</source>
            <translation>Delete the activity %1 of %2? Its %3 recorded places go with it and the points of those who attended are reversed in the ledger.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="201" />
            <source>Choose a group on the left to see its activities.</source>
            <translation>Choose a group on the left to see its activities.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="209" />
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="210" />
            <source>Contributions &amp;&amp; violations</source>
            <translation>Contributions &amp;&amp; violations</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="222" />
            <source>New activity</source>
            <translation>New activity</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="224" />
            <source>New activity (Ctrl+N)</source>
            <translation>New activity (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="226" />
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="266" />
            <source>Find a member</source>
            <translation>Find a member</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="269" />
            <source>Signed up only</source>
            <translation>Signed up only</translation>
        </message>
        <message>
            <source>The activity is on %1: attendance can be ticked from that day</source>
            <translation>The activity is on %1: attendance can be ticked from that day</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="272" />
            <source>Mark all registered as attended</source>
            <translation>Mark all registered as attended</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="274" />
            <source>Paste sign-up chain…</source>
            <translation>Paste sign-up chain…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="275" />
            <source>Paste a WeChat 接龙 chain of sign-ups (Ctrl+Shift+V)</source>
            <translation>Paste a WeChat chain (接龙) of sign-ups (Ctrl+Shift+V)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="309" />
            <source>Space ticks “attended” for the selected member; double-click a status or role to change it.</source>
            <translation>Space ticks “attended” for the selected member; double-click a status or role to change it.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="354" />
            <source>What they shared, answered or posted</source>
            <translation>What they shared, answered or posted</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="356" />
            <source>Link (optional)</source>
            <translation>Link (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="364" />
            <source>Add contribution</source>
            <translation>Add contribution</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="369" />
            <location filename="../../ui/pages/activities_page.py" line="433" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="370" />
            <location filename="../../ui/pages/activities_page.py" line="434" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="371" />
            <location filename="../../ui/pages/activities_page.py" line="435" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="372" />
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="373" />
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="387" />
            <location filename="../../ui/pages/activities_page.py" line="454" />
            <location filename="../../ui/pages/activities_page.py" line="933" />
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="388" />
            <source>Remove the selected contribution; its points are reversed</source>
            <translation>Remove the selected contribution; its points are reversed</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="391" />
            <source>Recent contributions</source>
            <translation>Recent contributions</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="394" />
            <source>Contribution</source>
            <translation>Contribution</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="415" />
            <source>What happened (optional)</source>
            <translation>What happened (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="428" />
            <source>Record violation</source>
            <translation>Record violation</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="436" />
            <source>Action taken</source>
            <translation>Action taken</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="437" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="455" />
            <source>Remove the selected violation; its points are given back</source>
            <translation>Remove the selected violation; its points are given back</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="458" />
            <source>Recent violations</source>
            <translation>Recent violations</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="461" />
            <source>Violation</source>
            <translation>Violation</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/activities_page.py" line="557" />
            <source>%n activity(ies)</source>
            <translation>
                <numerusform>%Ln activity</numerusform>
                <numerusform>%Ln activities</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="595" />
            <source>No activities this month. Create one with “New activity”.</source>
            <translation>No activities this month. Create one with “New activity”.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="622" />
            <source>Attendance</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="632" />
            <source>Attendance — %1</source>
            <translation>Attendance — %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="656" />
            <source>%1 signed up · %2 attended · %3 absent · %4 excused</source>
            <translation>%1 signed up · %2 attended · %3 absent · %4 excused</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="852" />
            <location filename="../../ui/pages/activities_page.py" line="888" />
            <source>Choose a member from the list first.</source>
            <translation>Choose a member from the list first.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="872" />
            <location filename="../../ui/pages/activities_page.py" line="924" />
            <source>Recorded: %1 — %2</source>
            <translation>Recorded: %1 — %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="916" />
            <source>⚠ %1: this member has %3 violations within %2 days. Consider a mute or removal.</source>
            <translation>⚠ %1: this member has %3 violations within %2 days. Consider a mute or removal.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="941" />
            <source>Remove %1's contribution of %2? Its points are reversed in the ledger.</source>
            <translation>Remove %1's contribution of %2? Its points are reversed in the ledger.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="959" />
            <source>Remove %1's violation of %2? The points it took are given back.</source>
            <translation>Remove %1's violation of %2? The points it took are given back.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="890" />
            <source>Recorded: %1 — %2. %1 is removed from the group (已移除).</source>
            <translation>Recorded: %1 — %2. %1 is removed from the group (已移除).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="890" />
            <source>Recorded: %1 — %2. %1 is still a member here: only the owner or an admin can mark them removed.</source>
            <translation>Recorded: %1 — %2. %1 is still a member here: only the owner or an admin can mark them removed.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="950" />
            <source>A removal from the group stays: change their status in the member's details.</source>
            <translation>A removal from the group stays: change their status in the member's details.</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="110" />
            <source>Edit activity — %1</source>
            <translation>Edit activity — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="116" />
            <source>New activity</source>
            <translation>New activity</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="139" />
            <source>e.g. Morning reading: Atomic Habits</source>
            <translation>e.g. Morning reading: Atomic Habits</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="149" />
            <source>None — or a series name, e.g. Friday talks</source>
            <translation>None — or a series name, e.g. Friday talks</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="154" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="156" />
            <source>Edition in the series (第N期); the next one is filled in</source>
            <translation>Edition in the series (第N期); the next one is filled in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="174" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="175" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="192" />
            <source>No limit</source>
            <translation>No limit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="194" />
            <source>Hosts and speakers, e.g. 张三, 李四</source>
            <translation>Hosts and speakers, e.g. Amy, Tony</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="197" />
            <source>Title *</source>
            <translation>Title *</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="198" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="199" />
            <source>Series</source>
            <translation>Series</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="200" />
            <source>Starts</source>
            <translation>Starts</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="201" />
            <source>Ends</source>
            <translation>Ends</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="202" />
            <source>Where</source>
            <translation>Where</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="203" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="204" />
            <source>Hosts</source>
            <translation>Hosts</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="213" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="213" />
            <source>Create</source>
            <translation>Create</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="215" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="278" />
            <source>Platform or link (optional), e.g. Tencent Meeting</source>
            <translation>Platform or link (optional), e.g. Tencent Meeting</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="280" />
            <source>Place, e.g. Starbucks, 100 Nanjing Rd</source>
            <translation>Place, e.g. Starbucks, 100 Nanjing Rd</translation>
        </message>
        <message>
            <source>This holds a phone number you cannot see in full: only the owner or an admin may change it.</source>
            <translation>This holds a phone number you cannot see in full: only the owner or an admin may change it.</translation>
        </message>
    </context>
    <context>
        <name>ActivityKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="23" />
            <source>Knowledge share</source>
            <translation>Knowledge share</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="24" />
            <source>Expert live stream</source>
            <translation>Expert live stream</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="25" />
            <source>Prize interaction</source>
            <translation>Prize interaction</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="26" />
            <source>Offline meetup</source>
            <translation>Offline meetup</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="27" />
            <source>Opening ceremony</source>
            <translation>Opening ceremony</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="28" />
            <source>Award ceremony</source>
            <translation>Award ceremony</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="29" />
            <source>Course</source>
            <translation>Course</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="30" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>ActivityTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="104" />
            <source>No. %1</source>
            <translation>No. %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="128" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="129" />
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="130" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="131" />
            <source>Series</source>
            <translation>Series</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="132" />
            <source>Online / place</source>
            <translation>Online / place</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="133" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="134" />
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="135" />
            <source>Attended</source>
            <translation>Attended</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="148" />
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="151" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="179" />
            <source>Hosts: %1</source>
            <translation>Hosts: %1</translation>
        </message>
    </context>
    <context>
        <name>AttendancePasteDialog</name>
        <message>
            <source>Not signed up (not sure yet)</source>
            <translation>Not signed up (not sure yet)</translation>
        </message>
        <message>
            <source>%1 · sign up anyway</source>
            <translation>%1 · sign up anyway</translation>
        </message>
        <message numerus="yes">
            <source>Apply takes back %n sign-up(s).</source>
            <translation>
                <numerusform>Apply takes back %Ln sign-up.</numerusform>
                <numerusform>Apply takes back %Ln sign-ups.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · remove the sign-up</source>
            <translation>%1 · remove the sign-up</translation>
        </message>
        <message>
            <source>Keep the sign-up</source>
            <translation>Keep the sign-up</translation>
        </message>
        <message>
            <source>Matched by %1 · brings guests, who are on no list</source>
            <translation>Matched by %1 · brings guests, who are on no list</translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) bring guests: they are no members and on no list; count them yourself.</source>
            <translation>
                <numerusform>%Ln line brings guests: they are no members and on no list; count them yourself.</numerusform>
                <numerusform>%Ln lines bring guests: they are no members and on no list; count them yourself.</numerusform>
            </translation>
        </message>
        <message>
            <source>Changed again on line %1</source>
            <translation>Changed again on line %1</translation>
        </message>
        <message>
            <source>Signed up again on line %1</source>
            <translation>Signed up again on line %1</translation>
        </message>
        <message>
            <source>It is this activity's sign-up all the same</source>
            <translation>It is this activity's sign-up all the same</translation>
        </message>
        <message>
            <source>The chain “%1” names %2; this activity is on %3.</source>
            <translation>The chain “%1” names %2; this activity is on %3.</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”: is this the right group?</source>
            <translation>Most of these names are members of “%1”: is this the right group?</translation>
        </message>
        <message numerus="yes">
            <source>The paste holds %n chains with different titles; an activity has one.</source>
            <translation>
                <numerusform>The paste holds %Ln chain with a different title; an activity has one.</numerusform>
                <numerusform>The paste holds %Ln chains with different titles; an activity has one.</numerusform>
            </translation>
        </message>
        <message>
            <source>On leave (请假): not counted</source>
            <translation>On leave (请假): not counted</translation>
        </message>
        <message>
            <source>%1 · excused (请假)</source>
            <translation>%1 · excused (请假)</translation>
        </message>
        <message>
            <source>Another day: not counted</source>
            <translation>Another day: not counted</translation>
        </message>
        <message>
            <source>Not a sign-up</source>
            <translation>Not a sign-up</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="81" />
            <source>Paste a sign-up chain — %1</source>
            <translation>Paste a sign-up chain — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="81" />
            <source>Paste a sign-up chain</source>
            <translation>Paste a sign-up chain</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="90" />
            <source>Paste the chain from WeChat here, e.g.
#接龙
周六读书会报名
1. 张三
2. 李四</source>
            <translation>Paste the chain from WeChat here, e.g.
#接龙
Saturday book club sign-up
1. Amy
2. Tony</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="99" />
            <source>Mark as registered</source>
            <translation>Mark as registered</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="100" />
            <source>Mark as attended</source>
            <translation>Mark as attended</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Match</source>
            <translation>Match</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="150" />
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="154" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="204" />
            <source>Same person as line %1 — counted once</source>
            <translation>Same person as line %1 — counted once</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="213" />
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="221" />
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="223" />
            <source>Skip this line</source>
            <translation>Skip this line</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="215" />
            <source>Choose who this is…</source>
            <translation>Choose who this is…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="224" />
            <source>Add “%1” as a new member</source>
            <translation>Add “%1” as a new member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="235" />
            <source>%1 (now %2)</source>
            <translation>%1 (now %2)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="240" />
            <source>same name</source>
            <translation>same name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="241" />
            <source>nickname</source>
            <translation>nickname</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="242" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="243" />
            <source>pinyin</source>
            <translation>pinyin</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="244" />
            <source>similar name</source>
            <translation>similar name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="249" />
            <source>Matched by %1</source>
            <translation>Matched by %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="251" />
            <source>%n possible member(s)</source>
            <translation>
                <numerusform>%Ln possible member</numerusform>
                <numerusform>%Ln possible members</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="253" />
            <source>Repeated</source>
            <translation>Repeated</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="254" />
            <source>Not in the group</source>
            <translation>Not in the group</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="294" />
            <source>Paste the chain above; each name is matched to the group's members.</source>
            <translation>Paste the chain above; each name is matched to the group's members.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="297" />
            <source>%1 matched, %2 to choose, %3 not in the group, %4 repeated.</source>
            <translation>%1 matched, %2 to choose, %3 not in the group, %4 repeated.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="304" />
            <source>%n line(s) still need a decision.</source>
            <translation>
                <numerusform>%Ln line still needs a decision.</numerusform>
                <numerusform>%Ln lines still need a decision.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="306" />
            <source>Apply marks %n member(s).</source>
            <translation>
                <numerusform>Apply marks %Ln member.</numerusform>
                <numerusform>Apply marks %Ln members.</numerusform>
            </translation>
        </message>
        <message>
            <source>group nickname</source>
            <translation>group nickname</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="224" />
            <source>%1 · a member on the activity's day</source>
            <translation>%1 · a member on the activity's day</translation>
        </message>
        <message>
            <source>The chain “%1” is for edition %2; this activity is edition %3.</source>
            <translation>The chain “%1” is for edition %2; this activity is edition %3.</translation>
        </message>
        <message>
            <source>The list will have %1 places for a capacity of %2.</source>
            <translation>The list will have %1 places for a capacity of %2.</translation>
        </message>
        <message>
            <source>Matched by %1 · on leave that day: a sign-up is recorded as excused</source>
            <translation>Matched by %1 · on leave that day: a sign-up is recorded as excused</translation>
        </message>
        <message>
            <source>name before a recent rename</source>
            <translation>name before a recent rename</translation>
        </message>
        <message>
            <source>name of a record merged into theirs</source>
            <translation>name of a record merged into theirs</translation>
        </message>
        <message>
            <source>%1 · absent (did not come)</source>
            <translation>%1 · absent (did not come)</translation>
        </message>
        <message>
            <source>Not signed up</source>
            <translation>Not signed up</translation>
        </message>
    </context>
    <context>
        <name>AttendanceRole</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="39" />
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="40" />
            <source>Speaker</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="41" />
            <source>Attendee</source>
            <translation>Attendee</translation>
        </message>
    </context>
    <context>
        <name>AttendanceStatus</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="33" />
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="34" />
            <source>Attended</source>
            <translation>Attended</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="35" />
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="36" />
            <source>Excused</source>
            <translation>Excused</translation>
        </message>
    </context>
    <context>
        <name>AttendanceTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="202" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="203" />
            <source>Attended</source>
            <translation>Attended</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="204" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="205" />
            <source>Role</source>
            <translation>Role</translation>
        </message>
    </context>
    <context>
        <name>ContributionKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="44" />
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="45" />
            <source>Answer</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="46" />
            <source>Post</source>
            <translation>Post</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="47" />
            <source>Referral</source>
            <translation>Referral</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="48" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>ContributionTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="298" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="299" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="300" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="301" />
            <source>Title / link</source>
            <translation>Title / link</translation>
        </message>
    </context>
    <context>
        <name>EditionSpinBox</name>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="67" />
            <source>No. %1</source>
            <translation>No. %1</translation>
        </message>
    </context>
    <context>
        <name>MemberPicker</name>
        <message>
            <location filename="../../ui/pickers.py" line="51" />
            <source>Name, nickname, WeChat ID or pinyin (zs)</source>
            <translation>Name, nickname, WeChat ID or pinyin (zs)</translation>
        </message>
        <message>
            <source>formerly %1</source>
            <translation>formerly %1</translation>
        </message>
    </context>
    <context>
        <name>MonthPicker</name>
        <message>
            <location filename="../../ui/pickers.py" line="138" />
            <source>Previous month</source>
            <translation>Previous month</translation>
        </message>
        <message>
            <location filename="../../ui/pickers.py" line="142" />
            <source>Next month</source>
            <translation>Next month</translation>
        </message>
        <message>
            <location filename="../../ui/pickers.py" line="188" />
            <source>MMMM yyyy</source>
            <translation>MMMM yyyy</translation>
        </message>
    </context>
    <context>
        <name>ViolationAction</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="58" />
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="59" />
            <source>Mute</source>
            <translation>Mute</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="60" />
            <source>Removal</source>
            <translation>Removal</translation>
        </message>
    </context>
    <context>
        <name>ViolationKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="51" />
            <source>Advertising</source>
            <translation>Advertising</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="52" />
            <source>Flooding</source>
            <translation>Flooding</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="53" />
            <source>Off-topic</source>
            <translation>Off-topic</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="54" />
            <source>Abuse</source>
            <translation>Abuse</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="55" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>ViolationTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="319" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="320" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="321" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="322" />
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="323" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
</TS>
