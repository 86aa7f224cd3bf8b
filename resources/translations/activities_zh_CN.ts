<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>— Not on the list</source>
            <translation>—（不在名单上）</translation>
        </message>
        <message>
            <source>Not marked, out of the group before the activity: %1</source>
            <translation>未标记（活动前已不在本群）：%1</translation>
        </message>
        <message>
            <source>%1 is on leave that day: recorded as excused, not absent.</source>
            <translation>%1 当天请假：已记为请假，不记缺席。</translation>
        </message>
        <message>
            <source>%1 is on leave that day: recorded as excused, not signed up.</source>
            <translation>%1 当天请假：已记为请假，不记报名。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete an activity entered by mistake (its points are reversed)</source>
            <translation>删除录错的活动（其积分会被冲销）</translation>
        </message>
        <message>
            <source>Delete the activity %1 of %2? Its %3 recorded places go with it and the points of those who attended are reversed in the ledger.</source>
            <translation>删除 %2 的活动「%1」？它的 %3 条报名/出勤记录会一并删除，已出勤者的积分会在积分流水中冲销。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="201" />
            <source>Choose a group on the left to see its activities.</source>
            <translation>请先在左侧选择一个社群，查看它的活动。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="209" />
            <source>Activities</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="210" />
            <source>Contributions &amp;&amp; violations</source>
            <translation>贡献与违规</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="222" />
            <source>New activity</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="224" />
            <source>New activity (Ctrl+N)</source>
            <translation>新建活动 (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="226" />
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="266" />
            <source>Find a member</source>
            <translation>查找成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="269" />
            <source>Signed up only</source>
            <translation>只看已报名</translation>
        </message>
        <message>
            <source>The activity is on %1: attendance can be ticked from that day</source>
            <translation>活动在 %1：到那天才能记出席</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="272" />
            <source>Mark all registered as attended</source>
            <translation>全部出席</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="274" />
            <source>Paste sign-up chain…</source>
            <translation>粘贴报名接龙…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="275" />
            <source>Paste a WeChat 接龙 chain of sign-ups (Ctrl+Shift+V)</source>
            <translation>粘贴微信报名接龙 (Ctrl+Shift+V)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="309" />
            <source>Space ticks “attended” for the selected member; double-click a status or role to change it.</source>
            <translation>按空格键为选中的成员勾选“出席”；双击状态或角色可修改。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="354" />
            <source>What they shared, answered or posted</source>
            <translation>分享、答疑或发帖的内容</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="356" />
            <source>Link (optional)</source>
            <translation>链接（可选）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="364" />
            <source>Add contribution</source>
            <translation>记录贡献</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="369" />
            <location filename="../../ui/pages/activities_page.py" line="433" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="370" />
            <location filename="../../ui/pages/activities_page.py" line="434" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="371" />
            <location filename="../../ui/pages/activities_page.py" line="435" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="372" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="373" />
            <source>Link</source>
            <translation>链接</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="387" />
            <location filename="../../ui/pages/activities_page.py" line="454" />
            <location filename="../../ui/pages/activities_page.py" line="933" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="388" />
            <source>Remove the selected contribution; its points are reversed</source>
            <translation>删除选中的贡献，其积分会被冲回</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="391" />
            <source>Recent contributions</source>
            <translation>最近的贡献</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="394" />
            <source>Contribution</source>
            <translation>贡献</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="415" />
            <source>What happened (optional)</source>
            <translation>具体情况（可选）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="428" />
            <source>Record violation</source>
            <translation>记录违规</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="436" />
            <source>Action taken</source>
            <translation>处理方式</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="437" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="455" />
            <source>Remove the selected violation; its points are given back</source>
            <translation>删除选中的违规，扣除的积分会退还</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="458" />
            <source>Recent violations</source>
            <translation>最近的违规</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="461" />
            <source>Violation</source>
            <translation>违规</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/activities_page.py" line="557" />
            <source>%n activity(ies)</source>
            <translation>
                <numerusform>共 %Ln 场活动</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="595" />
            <source>No activities this month. Create one with “New activity”.</source>
            <translation>本月还没有活动。点“新建活动”创建一个。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="622" />
            <source>Attendance</source>
            <translation>出勤</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="632" />
            <source>Attendance — %1</source>
            <translation>出勤 — %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="656" />
            <source>%1 signed up · %2 attended · %3 absent · %4 excused</source>
            <translation>报名 %1 · 出席 %2 · 缺席 %3 · 请假 %4</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="852" />
            <location filename="../../ui/pages/activities_page.py" line="888" />
            <source>Choose a member from the list first.</source>
            <translation>请先从列表中选择一位成员。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="872" />
            <location filename="../../ui/pages/activities_page.py" line="924" />
            <source>Recorded: %1 — %2</source>
            <translation>已记录：%1 — %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="916" />
            <source>⚠ %1: this member has %3 violations within %2 days. Consider a mute or removal.</source>
            <translation>⚠ %1：该成员 %2 天内已违规 %3 次，请按群规考虑禁言或移出。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="941" />
            <source>Remove %1's contribution of %2? Its points are reversed in the ledger.</source>
            <translation>删除 %1 在 %2 的贡献？其积分会在积分明细中冲回。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="959" />
            <source>Remove %1's violation of %2? The points it took are given back.</source>
            <translation>删除 %1 在 %2 的违规？扣除的积分会退还。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="890" />
            <source>Recorded: %1 — %2. %1 is removed from the group (已移除).</source>
            <translation>已记录：%1 — %2。%1 已移出本群（已移除）。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="890" />
            <source>Recorded: %1 — %2. %1 is still a member here: only the owner or an admin can mark them removed.</source>
            <translation>已记录：%1 — %2。%1 在本群仍是成员：只有群主或管理员可以将其标记为已移除。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/activities_page.py" line="950" />
            <source>A removal from the group stays: change their status in the member's details.</source>
            <translation>移出本群的状态不会随之撤销：如需恢复，请在成员资料里修改状态。</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="110" />
            <source>Edit activity — %1</source>
            <translation>编辑活动 — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="116" />
            <source>New activity</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="139" />
            <source>e.g. Morning reading: Atomic Habits</source>
            <translation>例如：晨读会《掌控习惯》</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="149" />
            <source>None — or a series name, e.g. Friday talks</source>
            <translation>无 — 或填写系列名称，例如：周五夜话</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="154" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="156" />
            <source>Edition in the series (第N期); the next one is filled in</source>
            <translation>系列中的期数（第N期），已自动填入下一期</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="174" />
            <source>Online</source>
            <translation>线上</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="175" />
            <source>Offline</source>
            <translation>线下</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="192" />
            <source>No limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="194" />
            <source>Hosts and speakers, e.g. 张三, 李四</source>
            <translation>主持人和分享嘉宾，例如：张三, 李四</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="197" />
            <source>Title *</source>
            <translation>标题 *</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="198" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="199" />
            <source>Series</source>
            <translation>系列</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="200" />
            <source>Starts</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="201" />
            <source>Ends</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="202" />
            <source>Where</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="203" />
            <source>Capacity</source>
            <translation>人数上限</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="204" />
            <source>Hosts</source>
            <translation>主持/嘉宾</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="213" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="213" />
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="215" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="278" />
            <source>Platform or link (optional), e.g. Tencent Meeting</source>
            <translation>平台或链接（可选），例如：腾讯会议</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="280" />
            <source>Place, e.g. Starbucks, 100 Nanjing Rd</source>
            <translation>地点，例如：南京路100号星巴克</translation>
        </message>
        <message>
            <source>This holds a phone number you cannot see in full: only the owner or an admin may change it.</source>
            <translation>这一项里有你看不到的完整手机号，只有群主或管理员能修改。</translation>
        </message>
    </context>
    <context>
        <name>ActivityKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="23" />
            <source>Knowledge share</source>
            <translation>干货分享</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="24" />
            <source>Expert live stream</source>
            <translation>大牛直播</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="25" />
            <source>Prize interaction</source>
            <translation>有奖互动</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="26" />
            <source>Offline meetup</source>
            <translation>线下聚会</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="27" />
            <source>Opening ceremony</source>
            <translation>开营仪式</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="28" />
            <source>Award ceremony</source>
            <translation>颁奖典礼</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="29" />
            <source>Course</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="30" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>ActivityTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="104" />
            <source>No. %1</source>
            <translation>第%1期</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="128" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="129" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="130" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="131" />
            <source>Series</source>
            <translation>系列</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="132" />
            <source>Online / place</source>
            <translation>线上 / 地点</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="133" />
            <source>Capacity</source>
            <translation>人数上限</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="134" />
            <source>Registered</source>
            <translation>报名</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="135" />
            <source>Attended</source>
            <translation>出席</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="148" />
            <source>Online</source>
            <translation>线上</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="151" />
            <source>Offline</source>
            <translation>线下</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="179" />
            <source>Hosts: %1</source>
            <translation>主持/嘉宾：%1</translation>
        </message>
    </context>
    <context>
        <name>AttendancePasteDialog</name>
        <message>
            <source>Not signed up (not sure yet)</source>
            <translation>不报名（还不确定）</translation>
        </message>
        <message>
            <source>%1 · sign up anyway</source>
            <translation>%1 · 仍然报名</translation>
        </message>
        <message numerus="yes">
            <source>Apply takes back %n sign-up(s).</source>
            <translation>
                <numerusform>应用后将取消 %Ln 人的报名。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 · remove the sign-up</source>
            <translation>%1 · 取消报名</translation>
        </message>
        <message>
            <source>Keep the sign-up</source>
            <translation>保留报名</translation>
        </message>
        <message>
            <source>Matched by %1 · brings guests, who are on no list</source>
            <translation>按%1匹配 · 带了同伴, 同伴不在名单上</translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) bring guests: they are no members and on no list; count them yourself.</source>
            <translation>
                <numerusform>%Ln 行带了同伴: 同伴不是成员, 不在名单上, 人数请另行统计。</numerusform>
            </translation>
        </message>
        <message>
            <source>Changed again on line %1</source>
            <translation>第 %1 行又改了</translation>
        </message>
        <message>
            <source>Signed up again on line %1</source>
            <translation>第 %1 行又报名了</translation>
        </message>
        <message>
            <source>It is this activity's sign-up all the same</source>
            <translation>确认这就是本活动的报名</translation>
        </message>
        <message>
            <source>The chain “%1” names %2; this activity is on %3.</source>
            <translation>接龙「%1」写的是 %2，本活动在 %3。</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”: is this the right group?</source>
            <translation>这些名字大多是「%1」的成员：社群选对了吗？</translation>
        </message>
        <message numerus="yes">
            <source>The paste holds %n chains with different titles; an activity has one.</source>
            <translation>
                <numerusform>粘贴的内容里有 %Ln 个标题不同的接龙，一个活动只有一个。</numerusform>
            </translation>
        </message>
        <message>
            <source>On leave (请假): not counted</source>
            <translation>请假：不计入</translation>
        </message>
        <message>
            <source>%1 · excused (请假)</source>
            <translation>%1 · 请假</translation>
        </message>
        <message>
            <source>Another day: not counted</source>
            <translation>另一天：不计入</translation>
        </message>
        <message>
            <source>Not a sign-up</source>
            <translation>不是报名</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="81" />
            <source>Paste a sign-up chain — %1</source>
            <translation>粘贴报名接龙 — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="81" />
            <source>Paste a sign-up chain</source>
            <translation>粘贴报名接龙</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="90" />
            <source>Paste the chain from WeChat here, e.g.
#接龙
周六读书会报名
1. 张三
2. 李四</source>
            <translation>把微信里的接龙粘贴到这里，例如：
#接龙
周六读书会报名
1. 张三
2. 李四</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="99" />
            <source>Mark as registered</source>
            <translation>记为已报名</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="100" />
            <source>Mark as attended</source>
            <translation>记为已出席</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Name</source>
            <translation>名字</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Match</source>
            <translation>匹配</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="112" />
            <source>Decision</source>
            <translation>处理</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="150" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="154" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="204" />
            <source>Same person as line %1 — counted once</source>
            <translation>与第 %1 行是同一人 — 只算一次</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="213" />
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="221" />
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="223" />
            <source>Skip this line</source>
            <translation>跳过这一行</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="215" />
            <source>Choose who this is…</source>
            <translation>请选择是谁…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="224" />
            <source>Add “%1” as a new member</source>
            <translation>把“%1”添加为新成员</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="235" />
            <source>%1 (now %2)</source>
            <translation>%1（当前：%2）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="240" />
            <source>same name</source>
            <translation>姓名相同</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="241" />
            <source>nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="242" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="243" />
            <source>pinyin</source>
            <translation>拼音</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="244" />
            <source>similar name</source>
            <translation>名字相近</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="249" />
            <source>Matched by %1</source>
            <translation>按%1匹配</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="251" />
            <source>%n possible member(s)</source>
            <translation>
                <numerusform>%Ln 个可能的成员</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="253" />
            <source>Repeated</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="254" />
            <source>Not in the group</source>
            <translation>不在群里</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="294" />
            <source>Paste the chain above; each name is matched to the group's members.</source>
            <translation>在上方粘贴接龙，每个名字都会与本群成员匹配。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="297" />
            <source>%1 matched, %2 to choose, %3 not in the group, %4 repeated.</source>
            <translation>已匹配 %1，待选择 %2，不在群里 %3，重复 %4。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="304" />
            <source>%n line(s) still need a decision.</source>
            <translation>
                <numerusform>还有 %Ln 行需要处理。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="306" />
            <source>Apply marks %n member(s).</source>
            <translation>
                <numerusform>应用后将标记 %Ln 位成员。</numerusform>
            </translation>
        </message>
        <message>
            <source>group nickname</source>
            <translation>群昵称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/attendance_paste_dialog.py" line="224" />
            <source>%1 · a member on the activity's day</source>
            <translation>%1 · 活动当天是成员</translation>
        </message>
        <message>
            <source>The chain “%1” is for edition %2; this activity is edition %3.</source>
            <translation>接龙「%1」是第%2期的; 这个活动是第%3期。</translation>
        </message>
        <message>
            <source>The list will have %1 places for a capacity of %2.</source>
            <translation>报名后名单共 %1 人, 名额只有 %2 个。</translation>
        </message>
        <message>
            <source>Matched by %1 · on leave that day: a sign-up is recorded as excused</source>
            <translation>按%1匹配 · 当天请假: 报名将记为请假</translation>
        </message>
        <message>
            <source>name before a recent rename</source>
            <translation>近期改名前的名字</translation>
        </message>
        <message>
            <source>name of a record merged into theirs</source>
            <translation>合并前另一条记录的名字</translation>
        </message>
        <message>
            <source>%1 · absent (did not come)</source>
            <translation>%1 · 缺席（没来）</translation>
        </message>
        <message>
            <source>Not signed up</source>
            <translation>不报名</translation>
        </message>
    </context>
    <context>
        <name>AttendanceRole</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="39" />
            <source>Host</source>
            <translation>主持</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="40" />
            <source>Speaker</source>
            <translation>分享嘉宾</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="41" />
            <source>Attendee</source>
            <translation>参与者</translation>
        </message>
    </context>
    <context>
        <name>AttendanceStatus</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="33" />
            <source>Registered</source>
            <translation>报名</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="34" />
            <source>Attended</source>
            <translation>出席</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="35" />
            <source>Absent</source>
            <translation>缺席</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="36" />
            <source>Excused</source>
            <translation>请假</translation>
        </message>
    </context>
    <context>
        <name>AttendanceTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="202" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="203" />
            <source>Attended</source>
            <translation>出席</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="204" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="205" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
    </context>
    <context>
        <name>ContributionKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="44" />
            <source>Share</source>
            <translation>分享</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="45" />
            <source>Answer</source>
            <translation>答疑</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="46" />
            <source>Post</source>
            <translation>发帖</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="47" />
            <source>Referral</source>
            <translation>推荐</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="48" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>ContributionTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="298" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="299" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="300" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="301" />
            <source>Title / link</source>
            <translation>标题 / 链接</translation>
        </message>
    </context>
    <context>
        <name>EditionSpinBox</name>
        <message>
            <location filename="../../ui/dialogs/activity_dialog.py" line="67" />
            <source>No. %1</source>
            <translation>第%1期</translation>
        </message>
    </context>
    <context>
        <name>MemberPicker</name>
        <message>
            <location filename="../../ui/pickers.py" line="51" />
            <source>Name, nickname, WeChat ID or pinyin (zs)</source>
            <translation>姓名、昵称、微信号或拼音首字母 (zs)</translation>
        </message>
        <message>
            <source>formerly %1</source>
            <translation>曾用名 %1</translation>
        </message>
    </context>
    <context>
        <name>MonthPicker</name>
        <message>
            <location filename="../../ui/pickers.py" line="138" />
            <source>Previous month</source>
            <translation>上个月</translation>
        </message>
        <message>
            <location filename="../../ui/pickers.py" line="142" />
            <source>Next month</source>
            <translation>下个月</translation>
        </message>
        <message>
            <location filename="../../ui/pickers.py" line="188" />
            <source>MMMM yyyy</source>
            <translation>yyyy年M月</translation>
        </message>
    </context>
    <context>
        <name>ViolationAction</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="58" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="59" />
            <source>Mute</source>
            <translation>禁言</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="60" />
            <source>Removal</source>
            <translation>移出</translation>
        </message>
    </context>
    <context>
        <name>ViolationKind</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="51" />
            <source>Advertising</source>
            <translation>发广告</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="52" />
            <source>Flooding</source>
            <translation>刷屏</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="53" />
            <source>Off-topic</source>
            <translation>跑题</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="54" />
            <source>Abuse</source>
            <translation>辱骂</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="55" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>ViolationTableModel</name>
        <message>
            <location filename="../../ui/models/participation_models.py" line="319" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="320" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="321" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="322" />
            <source>Action</source>
            <translation>处理</translation>
        </message>
        <message>
            <location filename="../../ui/models/participation_models.py" line="323" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
</TS>
