<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln 名群成员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n membership(s)</source>
            <translation>
                <numerusform>%Ln 条成员资格</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Phrase</name>
        <message>
            <source>Check-in</source>
            <translation>打卡</translation>
        </message>
        <message>
            <source>Late check-in</source>
            <translation>补卡</translation>
        </message>
        <message>
            <source>{days}-day check-in streak</source>
            <translation>连续打卡{days}天</translation>
        </message>
        <message>
            <source>Attended “{title}”</source>
            <translation>参加活动「{title}」</translation>
        </message>
        <message>
            <source>Attended an activity</source>
            <translation>参加活动</translation>
        </message>
        <message>
            <source>Spoke at “{title}”</source>
            <translation>活动分享「{title}」</translation>
        </message>
        <message>
            <source>Speaker at an activity</source>
            <translation>活动分享嘉宾</translation>
        </message>
        <message>
            <source>Shared “{title}”</source>
            <translation>分享「{title}」</translation>
        </message>
        <message>
            <source>Shared</source>
            <translation>分享</translation>
        </message>
        <message>
            <source>Violation</source>
            <translation>违规</translation>
        </message>
        <message>
            <source>Referred a member</source>
            <translation>推荐入群</translation>
        </message>
        <message>
            <source>Moved to another group</source>
            <translation>转到其他社群 (moved to another group)</translation>
        </message>
        <message>
            <source>Recomputed by the current rules</source>
            <translation>按当前规则重新计算</translation>
        </message>
        <message>
            <source>{why}: {what}</source>
            <translation>{why}: {what}</translation>
        </message>
        <message>
            <source>Check-in undone</source>
            <translation>撤销打卡</translation>
        </message>
        <message>
            <source>Entry step undone</source>
            <translation>撤销入群步骤</translation>
        </message>
        <message>
            <source>Referrer changed</source>
            <translation>推荐人变更</translation>
        </message>
        <message>
            <source>Set back to not joined yet</source>
            <translation>改回未入群</translation>
        </message>
        <message>
            <source>Join date corrected</source>
            <translation>入群日期更正</translation>
        </message>
        <message>
            <source>One referral per person</source>
            <translation>同一人只计一次推荐</translation>
        </message>
        <message>
            <source>Activity moved or changed</source>
            <translation>活动时间或形式变更</translation>
        </message>
        <message>
            <source>Activity “{title}” deleted</source>
            <translation>活动「{title}」已删除</translation>
        </message>
        <message>
            <source>Attendance changed</source>
            <translation>出勤变更</translation>
        </message>
        <message>
            <source>Taken off the activity's list</source>
            <translation>移出活动名单</translation>
        </message>
        <message>
            <source>Contribution removed</source>
            <translation>删除贡献</translation>
        </message>
        <message>
            <source>Violation withdrawn</source>
            <translation>撤销违规</translation>
        </message>
        <message>
            <source>Records merged</source>
            <translation>合并成员</translation>
        </message>
        <message>
            <source>the same day's check-in twice</source>
            <translation>同日重复打卡</translation>
        </message>
        <message>
            <source>another place at the same activity</source>
            <translation>同一活动的另一条出勤</translation>
        </message>
        <message>
            <source>Streak changed</source>
            <translation>连续天数变化 (streak changed)</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>No check-in, activity attended, contribution or chat message for {days} days</source>
            <extracomment>alert.dormant</extracomment>
            <translation>已 {days} 天没有打卡、参加活动、贡献或发言</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Joined over {days} days ago: no check-in, activity attended, contribution or chat message</source>
            <extracomment>alert.silent_newcomer</extracomment>
            <translation>入群超过 {days} 天仍没有打卡、参加活动、贡献或发言</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{count} or more violations within {days} days</source>
            <extracomment>alert.repeat_violator</extracomment>
            <translation>{days} 天内违规 {count} 次或以上</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{members} members, over the capacity of {capacity}</source>
            <extracomment>alert.over_capacity</extracomment>
            <translation>成员 {members} 人, 已超过容量 {capacity}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{members}/{capacity} members, {share:.0%} of the capacity</source>
            <extracomment>alert.near_capacity</extracomment>
            <translation>成员 {members}/{capacity}, 已达容量的 {share:.0%}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Nobody has taken part for {days} days or more ({since})</source>
            <extracomment>alert.zombie_idle</extracomment>
            <translation>已 {days} 天以上无人参与 ({since})</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>nobody ever has</source>
            <extracomment>alert.never_participated</extracomment>
            <translation>从未有人参与</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>the last time was {day}</source>
            <extracomment>alert.last_participation</extracomment>
            <translation>最近一次参与是 {day}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{share:.0%} of the members active in the last 7 days, under {minimum:.0%}</source>
            <extracomment>alert.zombie_share</extracomment>
            <translation>近 7 天活跃占比 {share:.0%}, 低于 {minimum:.0%}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{share:.0%} of the members active in the last 7 days (the {away} on leave not counted), under {minimum:.0%}</source>
            <extracomment>alert.zombie_share_on_leave</extracomment>
            <translation>近 7 天活跃占比 {share:.0%} (不计请假的 {away} 人), 低于 {minimum:.0%}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Stuck at a step for {days} days (over {limit})</source>
            <extracomment>alert.stalled</extracomment>
            <translation>入群流程停滞 {days} 天 (超过 {limit} 天)</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Applied to join</source>
            <extracomment>timeline.applied</extracomment>
            <translation>提交入群申请</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Joined the group</source>
            <extracomment>timeline.joined</extracomment>
            <translation>加入社群</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Left the group</source>
            <extracomment>timeline.left</extracomment>
            <translation>离开社群</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Left the group: {reason}</source>
            <extracomment>timeline.left_reason</extracomment>
            <translation>离开社群: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Done: “{step}”</source>
            <extracomment>timeline.step</extracomment>
            <translation>完成「{step}」</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Done: “{step}”: {answer}</source>
            <extracomment>timeline.step_answer</extracomment>
            <translation>完成「{step}」: {answer}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Checked in</source>
            <extracomment>timeline.checkin</extracomment>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Checked in late (补卡)</source>
            <extracomment>timeline.checkin_late</extracomment>
            <translation>补卡</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Activity “{title}”: {status}</source>
            <extracomment>timeline.activity</extracomment>
            <translation>活动「{title}」: {status}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{points:+d} points: {reason}</source>
            <extracomment>timeline.points</extracomment>
            <translation>{points:+d} 积分: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Contribution: {kind}</source>
            <extracomment>timeline.contribution</extracomment>
            <translation>贡献 {kind}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Contribution: {kind}: {title}</source>
            <extracomment>timeline.contribution_title</extracomment>
            <translation>贡献 {kind}: {title}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Violation: {kind} → {action}</source>
            <extracomment>timeline.violation</extracomment>
            <translation>违规 {kind} → {action}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>Violation: {kind} → {action}: {note}</source>
            <extracomment>timeline.violation_note</extracomment>
            <translation>违规 {kind} → {action}: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>On leave {start} – {end}</source>
            <extracomment>timeline.leave</extracomment>
            <translation>请假 {start} ~ {end}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>On leave {start} – {end}: {reason}</source>
            <extracomment>timeline.leave_reason</extracomment>
            <translation>请假 {start} ~ {end}: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>{count} messages in the group chat</source>
            <extracomment>timeline.messages</extracomment>
            <translation>群聊发言 {count} 条</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>An earlier application form</source>
            <extracomment>timeline.application</extracomment>
            <translation>较早提交的入群问卷</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>An earlier application form: {details}</source>
            <extracomment>timeline.application_details</extracomment>
            <translation>较早提交的入群问卷: {details}</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>registered</source>
            <extracomment>attendance.registered</extracomment>
            <translation>已报名</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>attended</source>
            <extracomment>attendance.attended</extracomment>
            <translation>出席</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>absent</source>
            <extracomment>attendance.absent</extracomment>
            <translation>缺席</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>excused</source>
            <extracomment>attendance.excused</extracomment>
            <translation>请假</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>share</source>
            <extracomment>contribution.share</extracomment>
            <translation>分享</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>answer</source>
            <extracomment>contribution.answer</extracomment>
            <translation>答疑</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>post</source>
            <extracomment>contribution.post</extracomment>
            <translation>发帖</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>referral</source>
            <extracomment>contribution.referral</extracomment>
            <translation>推荐</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>other</source>
            <extracomment>contribution.other</extracomment>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>advertising</source>
            <extracomment>violation.ad</extracomment>
            <translation>发广告</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>flooding</source>
            <extracomment>violation.flood</extracomment>
            <translation>刷屏</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>off-topic</source>
            <extracomment>violation.off_topic</extracomment>
            <translation>跑题</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>abuse</source>
            <extracomment>violation.abuse</extracomment>
            <translation>辱骂</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>warning</source>
            <extracomment>action.warning</extracomment>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>mute</source>
            <extracomment>action.mute</extracomment>
            <translation>禁言</translation>
        </message>
        <message>
            <location filename="../../desktop/phrases.py" />
            <source>removal</source>
            <extracomment>action.removal</extracomment>
            <translation>移出</translation>
        </message>
        <message>
            <source>Adjustment undone</source>
            <translation>撤销手动调整</translation>
        </message>
        <message>
            <source>{share:.0%} of the members active in the last 7 days (the {new} who joined in them not counted), under {minimum:.0%}</source>
            <translation>近 7 天活跃占比 {share:.0%} (不计近 7 天新入群的 {new} 人), 低于 {minimum:.0%}</translation>
        </message>
        <message>
            <source>{share:.0%} of the members active in the last 7 days (the {away} on leave and the {new} who joined in them not counted), under {minimum:.0%}</source>
            <translation>近 7 天活跃占比 {share:.0%} (不计请假的 {away} 人和近 7 天新入群的 {new} 人), 低于 {minimum:.0%}</translation>
        </message>
        <message>
            <source>one adjustment counted once per person</source>
            <translation>同一次调整只计一次</translation>
        </message>
    </context>
    <context>
        <name>DefaultName</name>
        <message>
            <location filename="../../ui/messages.py" />
            <source>进群目的问答</source>
            <translation>进群目的问答</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>阅读群规与入会须知</source>
            <translation>阅读群规与入会须知</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>缴纳门槛费</source>
            <translation>缴纳门槛费</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>自我介绍</source>
            <translation>自我介绍</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>爆照</source>
            <translation>爆照</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>爆料/分享</source>
            <translation>爆料/分享</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>实名认证</source>
            <translation>实名认证</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>核心</source>
            <translation>核心</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>大咖</source>
            <translation>大咖</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>中咖</source>
            <translation>中咖</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>普通</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>日常运营</source>
            <translation>日常运营</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>策划</source>
            <translation>策划</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>输出者</source>
            <translation>输出者</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>助理</source>
            <translation>助理</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>客服</source>
            <translation>客服</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>新人</source>
            <translation>新人</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>活跃</source>
            <translation>活跃</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>骨干</source>
            <translation>骨干</translation>
        </message>
        <message>
            <location filename="../../ui/messages.py" />
            <source>元老</source>
            <translation>元老</translation>
        </message>
    </context>
</TS>
