<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AdjustPointsDialog</name>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="47" />
            <source>Adjust points</source>
            <translation>Adjust points</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="60" />
            <source>Positive to add, negative to take away</source>
            <translation>Positive to add, negative to take away</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="62" />
            <source>Required, e.g. helped organise the meetup</source>
            <translation>Required, e.g. helped organise the meetup</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="70" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="71" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="72" />
            <source>Reason *</source>
            <translation>Reason *</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="73" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="74" />
            <source>The ledger keeps every adjustment with its reason and your name.</source>
            <translation>The ledger keeps every adjustment with its reason and your name.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="80" />
            <source>Adjust</source>
            <translation>Adjust</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="83" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="123" />
            <source>Choose a member from the list first.</source>
            <translation>Choose a member from the list first.</translation>
        </message>
    </context>
    <context>
        <name>LeaderboardModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="74" />
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="75" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="76" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="77" />
            <source>Level</source>
            <translation>Level</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="280" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="281" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="282" />
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="283" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="284" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
    </context>
    <context>
        <name>LevelsModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="206" />
            <source>Level name</source>
            <translation>Level name</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="207" />
            <source>From points</source>
            <translation>From points</translation>
        </message>
    </context>
    <context>
        <name>PointRule</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="23" />
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="24" />
            <source>7-day check-in streak</source>
            <translation>7-day check-in streak</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="25" />
            <source>Online activity attended</source>
            <translation>Online activity attended</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="26" />
            <source>Offline activity attended</source>
            <translation>Offline activity attended</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="27" />
            <source>Host or speaker at an activity</source>
            <translation>Host or speaker at an activity</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="28" />
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="29" />
            <source>Converted referral</source>
            <translation>Converted referral</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="30" />
            <source>Violation</source>
            <translation>Violation</translation>
        </message>
    </context>
    <context>
        <name>PointSource</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="33" />
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="34" />
            <source>Streak</source>
            <translation>Streak</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="35" />
            <source>Activity</source>
            <translation>Activity</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="36" />
            <source>Contribution</source>
            <translation>Contribution</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="37" />
            <source>Violation</source>
            <translation>Violation</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="38" />
            <source>Referral</source>
            <translation>Referral</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="39" />
            <source>Manual</source>
            <translation>Manual</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="40" />
            <source>Recompute</source>
            <translation>Recompute</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="41" />
            <source>Reversal</source>
            <translation>Reversal</translation>
        </message>
    </context>
    <context>
        <name>PointsPage</name>
        <message>
            <location filename="../../ui/pages/points_page.py" line="155" />
            <source>Recompute from rules</source>
            <translation>Recompute from rules</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="155" />
            <source>Pricing every fact with the current rules…</source>
            <translation>Pricing every fact with the current rules…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="173" />
            <source>Choose a group on the left to see its points and leaderboard.</source>
            <translation>Choose a group on the left to see its points and leaderboard.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="179" />
            <source>Month</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="180" />
            <source>All time</source>
            <translation>All time</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="192" />
            <source>Adjust points…</source>
            <translation>Adjust points…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="194" />
            <source>Recompute from rules…</source>
            <translation>Recompute from rules…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="195" />
            <source>Show what the current rules would change, then apply it</source>
            <translation>Show what the current rules would change, then apply it</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="220" />
            <source>Levels follow the points up to the end of the month shown (all time: up to today). Members who opted out of rankings are not listed.</source>
            <translation>Levels follow the points up to the end of the month shown (all time: up to today). Members who opted out of rankings are not listed.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="233" />
            <source>Ledger</source>
            <translation>Ledger</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="234" />
            <source>Rules</source>
            <translation>Rules</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="235" />
            <source>Levels</source>
            <translation>Levels</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="266" />
            <source>Adjust…</source>
            <translation>Adjust…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="267" />
            <source>Adjust this member's points by hand</source>
            <translation>Adjust this member's points by hand</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="310" />
            <source>Double-click a value to change it. A change applies to new entries; use “Recompute from rules…” to re-price past ones.</source>
            <translation>Double-click a value to change it. A change applies to new entries; use “Recompute from rules…” to re-price past ones.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="315" />
            <source>Only the owner or an admin may change point rules.</source>
            <translation>Only the owner or an admin may change point rules.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="333" />
            <source>Add level</source>
            <translation>Add level</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="334" />
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="335" />
            <source>Save levels</source>
            <translation>Save levels</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="350" />
            <source>A member's level is the highest one whose points they have reached (all-time points).</source>
            <translation>A member's level is the highest one whose points they have reached (all-time points).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="352" />
            <source>Only the owner or an admin may change the levels.</source>
            <translation>Only the owner or an admin may change the levels.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="423" />
            <source>Top %1 of %n member(s) with points</source>
            <translation>
                <numerusform>Top %1 of %Ln member with points</numerusform>
                <numerusform>Top %1 of %Ln members with points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="436" />
            <source>%n member(s) with points</source>
            <translation>
                <numerusform>%Ln member with points</numerusform>
                <numerusform>%Ln members with points</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="478" />
            <source>Choose a member</source>
            <translation>Choose a member</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="475" />
            <source>the latest %1 entries</source>
            <translation>the latest %1 entries</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="467" />
            <source>%n point(s)</source>
            <translation>
                <numerusform>%Ln point</numerusform>
                <numerusform>%Ln points</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="495" />
            <source>Rule saved. New entries use it now; “Recompute from rules…” re-prices past ones.</source>
            <translation>Rule saved. New entries use it now; “Recompute from rules…” re-prices past ones.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="1" />
            <source>Rule saved. 7-day bonuses follow each member's whole history: a member's past runs are settled to this rule at their next check-in, dated on the runs' days, so past months' points change then; “Recompute from rules…” settles everyone now.</source>
            <translation>Rule saved. 7-day bonuses follow each member's whole history: a member's past runs are settled to this rule at their next check-in, dated on the runs' days, so past months' points change then; “Recompute from rules…” settles everyone now.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="527" />
            <source>New level</source>
            <translation>New level</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="619" />
            <source>%n member(s) corrected by the current rules.</source>
            <translation>
                <numerusform>%Ln member corrected by the current rules.</numerusform>
                <numerusform>%Ln members corrected by the current rules.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="643" />
            <source>Cancelled; nothing was changed.</source>
            <translation>Cancelled; nothing was changed.</translation>
        </message>
        <message>
            <source>Copy leaderboard</source>
            <translation>Copy leaderboard</translation>
        </message>
        <message>
            <source>Leaderboard</source>
            <translation>Leaderboard</translation>
        </message>
        <message>
            <source>Copy the chosen month's top 10 with points and levels, to post in the group (members who opted out are left out); the arrow opens a preview</source>
            <translation>Copy the chosen month's top 10 with points and levels, to post in the group (members who opted out are left out); the arrow opens a preview</translation>
        </message>
        <message>
            <source>Undo adjustment</source>
            <translation>Undo adjustment</translation>
        </message>
        <message>
            <source>Take back the selected manual adjustment: the ledger keeps it and adds the entry that undoes it</source>
            <translation>Take back the selected manual adjustment: the ledger keeps it and adds the entry that undoes it</translation>
        </message>
        <message>
            <source>Undo the adjustment %1 of %2 (%3)? The ledger keeps both it and the entry undoing it.</source>
            <translation>Undo the adjustment %1 of %2 (%3)? The ledger keeps both it and the entry undoing it.</translation>
        </message>
        <message>
            <source>%1 and %2 more</source>
            <translation>%1 and %2 more</translation>
        </message>
        <message>
            <source>The adjustment %1 (%2) was given to %3 members at once: %4. Undo it for all of them, or for this member only? The ledger keeps each adjustment and the entry undoing it.</source>
            <translation>The adjustment %1 (%2) was given to %3 members at once: %4. Undo it for all of them, or for this member only? The ledger keeps each adjustment and the entry undoing it.</translation>
        </message>
        <message>
            <source>Undo for all %1</source>
            <translation>Undo for all %1</translation>
        </message>
        <message>
            <source>This member only</source>
            <translation>This member only</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message numerus="yes">
            <source>Adjusted the points of %n member(s); undo it from any of their ledgers.</source>
            <translation>
                <numerusform>Adjusted the points of %Ln member; undo it from their ledger.</numerusform>
                <numerusform>Adjusted the points of %Ln members; undo it from any of their ledgers.</numerusform>
            </translation>
        </message>
        <message>
            <source>Adjust one member's points; the arrow: the same points and reason for several members at once</source>
            <translation>Adjust one member's points; the arrow: the same points and reason for several members at once</translation>
        </message>
        <message>
            <source>One member…</source>
            <translation>One member…</translation>
        </message>
        <message>
            <source>Several members at once (paste their names or a 接龙)…</source>
            <translation>Several members at once (paste their names or a chain)…</translation>
        </message>
    </context>
    <context>
        <name>RecomputeDialog</name>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="155" />
            <source>Recompute from rules</source>
            <translation>Recompute from rules</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="162" />
            <source>Every recorded fact priced with the current rules. Applying adds one correcting entry per member to the ledger, dated today; nothing is deleted. Past months keep their points; this month's points and leaderboard include the correction. Manual adjustments are left as they are.</source>
            <translation>Every recorded fact priced with the current rules. Applying adds one correcting entry per member to the ledger, dated today; nothing is deleted. Past months keep their points; this month's points and leaderboard include the correction. Manual adjustments are left as they are.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/points_dialogs.py" line="174" />
            <source>%n member(s) would change, %1 points in total.</source>
            <translation>
                <numerusform>%Ln member would change, %1 points in total.</numerusform>
                <numerusform>%Ln members would change, %1 points in total.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="177" />
            <source>Nothing to change: the ledger agrees with the rules.</source>
            <translation>Nothing to change: the ledger agrees with the rules.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="198" />
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="202" />
            <source>Only the owner or an admin may change points by the rules</source>
            <translation>Only the owner or an admin may change points by the rules</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="205" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="205" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>RecomputeModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="330" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="331" />
            <source>Current</source>
            <translation>Current</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="332" />
            <source>By the rules</source>
            <translation>By the rules</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="333" />
            <source>Change</source>
            <translation>Change</translation>
        </message>
    </context>
    <context>
        <name>RulesModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="117" />
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="118" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="119" />
            <source>Active</source>
            <translation>Active</translation>
        </message>
    </context>
    <context>
        <name>BatchAdjustDialog</name>
        <message>
            <source>Adjust points for several members</source>
            <translation>Adjust points for several members</translation>
        </message>
        <message>
            <source>Paste the names here: 张三 李四 王五, one per line, or a 接龙 copied from the group</source>
            <translation>Paste the names here: Amy Tony Carol, one per line, or a chain (接龙) copied from the group</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Match</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Positive to add, negative to take away</source>
            <translation>Positive to add, negative to take away</translation>
        </message>
        <message>
            <source>Required, e.g. came to the offline meetup</source>
            <translation>Required, e.g. came to the offline meetup</translation>
        </message>
        <message>
            <source>Points each</source>
            <translation>Points each</translation>
        </message>
        <message>
            <source>Reason *</source>
            <translation>Reason *</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Adjust</source>
            <translation>Adjust</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Selected</source>
            <translation>Selected</translation>
        </message>
        <message>
            <source>Leave out</source>
            <translation>Leave out</translation>
        </message>
        <message>
            <source>Choose who this is…</source>
            <translation>Choose who this is…</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>Matched</translation>
        </message>
        <message numerus="yes">
            <source>%n possible member(s)</source>
            <translation>
                <numerusform>%Ln possible member</numerusform>
                <numerusform>%Ln possible members</numerusform>
            </translation>
        </message>
        <message>
            <source>No member of this name</source>
            <translation>No member of this name</translation>
        </message>
        <message>
            <source>Repeated: counted once</source>
            <translation>Repeated: counted once</translation>
        </message>
        <message>
            <source>Not in the group</source>
            <translation>Not in the group</translation>
        </message>
        <message>
            <source>Not a name: left out</source>
            <translation>Not a name: left out</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>Left out</translation>
        </message>
        <message>
            <source>Paste the names above; each is matched to the group's members.</source>
            <translation>Paste the names above; each is matched to the group's members.</translation>
        </message>
        <message numerus="yes">
            <source>%n name(s) still need a decision: choose who it is or leave it out.</source>
            <translation>
                <numerusform>%Ln name still needs a decision: choose who it is or leave it out.</numerusform>
                <numerusform>%Ln names still need a decision: choose who they are or leave them out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Adjust gives %1 to %n member(s).</source>
            <translation>
                <numerusform>Adjust gives %1 to %Ln member.</numerusform>
                <numerusform>Adjust gives %1 to each of %Ln members.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) chosen; enter the points each gets.</source>
            <translation>
                <numerusform>%Ln member chosen; enter the points they get.</numerusform>
                <numerusform>%Ln members chosen; enter the points each gets.</numerusform>
            </translation>
        </message>
        <message>
            <source>Selected · not a member of the group now (%1)</source>
            <translation>Selected · not a member of the group now (%1)</translation>
        </message>
        <message>
            <source>Lines read as no name: %1.</source>
            <translation>Lines read as no name: %1.</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> and %Ln more</numerusform><numerusform> and %Ln more</numerusform></translation>
        </message>
    </context>
</TS>
