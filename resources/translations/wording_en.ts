<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n membership(s)</source>
            <translation>
                <numerusform>%Ln membership</numerusform>
                <numerusform>%Ln memberships</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Phrase</name>
        <message>
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <source>Late check-in</source>
            <translation>Late check-in</translation>
        </message>
        <message>
            <source>{days}-day check-in streak</source>
            <translation>{days}-day check-in streak</translation>
        </message>
        <message>
            <source>Attended “{title}”</source>
            <translation>Attended “{title}”</translation>
        </message>
        <message>
            <source>Attended an activity</source>
            <translation>Attended an activity</translation>
        </message>
        <message>
            <source>Spoke at “{title}”</source>
            <translation>Spoke at “{title}”</translation>
        </message>
        <message>
            <source>Speaker at an activity</source>
            <translation>Speaker at an activity</translation>
        </message>
        <message>
            <source>Shared “{title}”</source>
            <translation>Shared “{title}”</translation>
        </message>
        <message>
            <source>Shared</source>
            <translation>Shared</translation>
        </message>
        <message>
            <source>Violation</source>
            <translation>Violation</translation>
        </message>
        <message>
            <source>Referred a member</source>
            <translation>Referred a member</translation>
        </message>
        <message>
            <source>Moved to another group</source>
            <translation>Moved to another group</translation>
        </message>
        <message>
            <source>Recomputed by the current rules</source>
            <translation>Recomputed by the current rules</translation>
        </message>
        <message>
            <source>{why}: {what}</source>
            <translation>{why}: {what}</translation>
        </message>
        <message>
            <source>Check-in undone</source>
            <translation>Check-in undone</translation>
        </message>
        <message>
            <source>Entry step undone</source>
            <translation>Entry step undone</translation>
        </message>
        <message>
            <source>Referrer changed</source>
            <translation>Referrer changed</translation>
        </message>
        <message>
            <source>Set back to not joined yet</source>
            <translation>Set back to not joined yet</translation>
        </message>
        <message>
            <source>Join date corrected</source>
            <translation>Join date corrected</translation>
        </message>
        <message>
            <source>One referral per person</source>
            <translation>One referral per person</translation>
        </message>
        <message>
            <source>Activity moved or changed</source>
            <translation>Activity moved or changed</translation>
        </message>
        <message>
            <source>Activity “{title}” deleted</source>
            <translation>Activity “{title}” deleted</translation>
        </message>
        <message>
            <source>Attendance changed</source>
            <translation>Attendance changed</translation>
        </message>
        <message>
            <source>Taken off the activity's list</source>
            <translation>Taken off the activity's list</translation>
        </message>
        <message>
            <source>Contribution removed</source>
            <translation>Contribution removed</translation>
        </message>
        <message>
            <source>Violation withdrawn</source>
            <translation>Violation withdrawn</translation>
        </message>
        <message>
            <source>Records merged</source>
            <translation>Records merged</translation>
        </message>
        <message>
            <source>the same day's check-in twice</source>
            <translation>the same day's check-in twice</translation>
        </message>
        <message>
            <source>another place at the same activity</source>
            <translation>another place at the same activity</translation>
        </message>
        <message>
            <source>Streak changed</source>
            <translation>Streak changed</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>No check-in, activity attended, contribution or chat message for {days} days</source>
            <extracomment>alert.dormant</extracomment>
            <translation>No check-in, activity attended, contribution or chat message for {days} days</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Joined over {days} days ago: no check-in, activity attended, contribution or chat message</source>
            <extracomment>alert.silent_newcomer</extracomment>
            <translation>Joined over {days} days ago: no check-in, activity attended, contribution or chat message</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{count} or more violations within {days} days</source>
            <extracomment>alert.repeat_violator</extracomment>
            <translation>{count} or more violations within {days} days</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{members} members, over the capacity of {capacity}</source>
            <extracomment>alert.over_capacity</extracomment>
            <translation>{members} members, over the capacity of {capacity}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{members}/{capacity} members, {share:.0%} of the capacity</source>
            <extracomment>alert.near_capacity</extracomment>
            <translation>{members}/{capacity} members, {share:.0%} of the capacity</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Nobody has taken part for {days} days or more ({since})</source>
            <extracomment>alert.zombie_idle</extracomment>
            <translation>Nobody has taken part for {days} days or more ({since})</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>nobody ever has</source>
            <extracomment>alert.never_participated</extracomment>
            <translation>nobody ever has</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>the last time was {day}</source>
            <extracomment>alert.last_participation</extracomment>
            <translation>the last time was {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{share:.0%} of the members active in the last 7 days, under {minimum:.0%}</source>
            <extracomment>alert.zombie_share</extracomment>
            <translation>{share:.0%} of the members active in the last 7 days, under {minimum:.0%}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{share:.0%} of the members active in the last 7 days (the {away} on leave not counted), under {minimum:.0%}</source>
            <extracomment>alert.zombie_share_on_leave</extracomment>
            <translation>{share:.0%} of the members active in the last 7 days (the {away} on leave not counted), under {minimum:.0%}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Stuck at a step for {days} days (over {limit})</source>
            <extracomment>alert.stalled</extracomment>
            <translation>Stuck at a step for {days} days (over {limit})</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Applied to join</source>
            <extracomment>timeline.applied</extracomment>
            <translation>Applied to join</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Joined the group</source>
            <extracomment>timeline.joined</extracomment>
            <translation>Joined the group</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Left the group</source>
            <extracomment>timeline.left</extracomment>
            <translation>Left the group</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Left the group: {reason}</source>
            <extracomment>timeline.left_reason</extracomment>
            <translation>Left the group: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Done: “{step}”</source>
            <extracomment>timeline.step</extracomment>
            <translation>Done: “{step}”</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Done: “{step}”: {answer}</source>
            <extracomment>timeline.step_answer</extracomment>
            <translation>Done: “{step}”: {answer}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Checked in</source>
            <extracomment>timeline.checkin</extracomment>
            <translation>Checked in</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Checked in late (补卡)</source>
            <extracomment>timeline.checkin_late</extracomment>
            <translation>Checked in late (补卡)</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Activity “{title}”: {status}</source>
            <extracomment>timeline.activity</extracomment>
            <translation>Activity “{title}”: {status}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{points:+d} points: {reason}</source>
            <extracomment>timeline.points</extracomment>
            <translation>{points:+d} points: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Contribution: {kind}</source>
            <extracomment>timeline.contribution</extracomment>
            <translation>Contribution: {kind}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Contribution: {kind}: {title}</source>
            <extracomment>timeline.contribution_title</extracomment>
            <translation>Contribution: {kind}: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Violation: {kind} → {action}</source>
            <extracomment>timeline.violation</extracomment>
            <translation>Violation: {kind} → {action}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Violation: {kind} → {action}: {note}</source>
            <extracomment>timeline.violation_note</extracomment>
            <translation>Violation: {kind} → {action}: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>On leave {start} – {end}</source>
            <extracomment>timeline.leave</extracomment>
            <translation>On leave {start} – {end}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>On leave {start} – {end}: {reason}</source>
            <extracomment>timeline.leave_reason</extracomment>
            <translation>On leave {start} – {end}: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{count} messages in the group chat</source>
            <extracomment>timeline.messages</extracomment>
            <translation>{count} messages in the group chat</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>An earlier application form</source>
            <extracomment>timeline.application</extracomment>
            <translation>An earlier application form</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>An earlier application form: {details}</source>
            <extracomment>timeline.application_details</extracomment>
            <translation>An earlier application form: {details}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>registered</source>
            <extracomment>attendance.registered</extracomment>
            <translation>registered</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>attended</source>
            <extracomment>attendance.attended</extracomment>
            <translation>attended</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>absent</source>
            <extracomment>attendance.absent</extracomment>
            <translation>absent</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>excused</source>
            <extracomment>attendance.excused</extracomment>
            <translation>excused</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>share</source>
            <extracomment>contribution.share</extracomment>
            <translation>share</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>answer</source>
            <extracomment>contribution.answer</extracomment>
            <translation>answer</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>post</source>
            <extracomment>contribution.post</extracomment>
            <translation>post</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>referral</source>
            <extracomment>contribution.referral</extracomment>
            <translation>referral</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>other</source>
            <extracomment>contribution.other</extracomment>
            <translation>other</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>advertising</source>
            <extracomment>violation.ad</extracomment>
            <translation>advertising</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>flooding</source>
            <extracomment>violation.flood</extracomment>
            <translation>flooding</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>off-topic</source>
            <extracomment>violation.off_topic</extracomment>
            <translation>off-topic</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>abuse</source>
            <extracomment>violation.abuse</extracomment>
            <translation>abuse</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>warning</source>
            <extracomment>action.warning</extracomment>
            <translation>warning</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>mute</source>
            <extracomment>action.mute</extracomment>
            <translation>mute</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>removal</source>
            <extracomment>action.removal</extracomment>
            <translation>removal</translation>
        </message>
        <message>
            <source>Adjustment undone</source>
            <translation>Adjustment undone</translation>
        </message>
        <message>
            <source>{share:.0%} of the members active in the last 7 days (the {new} who joined in them not counted), under {minimum:.0%}</source>
            <translation>{share:.0%} of the members active in the last 7 days (the {new} who joined in them not counted), under {minimum:.0%}</translation>
        </message>
        <message>
            <source>{share:.0%} of the members active in the last 7 days (the {away} on leave and the {new} who joined in them not counted), under {minimum:.0%}</source>
            <translation>{share:.0%} of the members active in the last 7 days (the {away} on leave and the {new} who joined in them not counted), under {minimum:.0%}</translation>
        </message>
        <message>
            <source>one adjustment counted once per person</source>
            <translation>one adjustment counted once per person</translation>
        </message>
    </context>
    <context>
        <name>DefaultName</name>
        <message>
            <location filename="../../ui/messages.py" />
            <source>进群目的问答</source>
            <translation>Purpose of joining</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>阅读群规与入会须知</source>
            <translation>Read the rules</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>缴纳门槛费</source>
            <translation>Pay the entry fee</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>自我介绍</source>
            <translation>Self-introduction</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>爆照</source>
            <translation>Recent photo</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>爆料/分享</source>
            <translation>Share something</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>实名认证</source>
            <translation>Real-name check</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>核心</source>
            <translation>Core</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>大咖</source>
            <translation>Key voice</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>中咖</source>
            <translation>Mid voice</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>普通</source>
            <translation>Regular</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>日常运营</source>
            <translation>Daily operator</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>策划</source>
            <translation>Planner</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>输出者</source>
            <translation>Content producer</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>助理</source>
            <translation>Assistant admin</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>客服</source>
            <translation>Customer service</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>新人</source>
            <translation>Newcomer</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>活跃</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>骨干</source>
            <translation>Mainstay</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>元老</source>
            <translation>Veteran</translation>
        </message>
    </context>
</TS>
