<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>GroupProfileDialog</name>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="81" />
            <source>Group profile — %1</source>
            <translation>社群资料 — %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="91" />
            <source>Basics</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="92" />
            <source>Seven essentials</source>
            <translation>社群七要素</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="93" />
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="196" />
            <source>Rules</source>
            <translation>群规</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="100" />
            <source>Archive group…</source>
            <translation>归档社群…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="102" />
            <source>Hide this group from the lists; its members, check-ins and history are kept</source>
            <translation>从社群列表中隐藏此群；成员、打卡和历史记录都会保留</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="107" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="109" />
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="453" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="129" />
            <source>A WeChat group holds at most 500 people</source>
            <translation>一个微信群最多 500 人</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="134" />
            <source>What newcomers must know before joining (入会须知)</source>
            <translation>新人入群前必须了解的事项（入会须知）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="135" />
            <source>Late check-ins (补卡) count toward streaks</source>
            <translation>补卡计入连续打卡</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="137" />
            <source>A check-in logged later for an earlier day keeps the streak going when this is on. Changing it settles each member's past 7-day bonuses to it at their next check-in, dated on the runs' days: past months' points change then.</source>
            <translation>开启后，为之前某天补记的打卡不会打断连续打卡天数。更改此项后，每位成员下次打卡时，其以往的连续7天奖励会按新设置补发或撤回，记在当时的日期：以往月份的积分随之变化。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="139" />
            <source>This group is archived. Its history is kept.</source>
            <translation>此社群已归档，历史记录仍然保留。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="148" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="149" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="150" />
            <source>Capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="152" />
            <source>Joining notice</source>
            <translation>入会须知</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="158" />
            <source>What the group is for and who it is for</source>
            <translation>这个群为什么而建、为谁而建</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="159" />
            <source>Who may join and what they must do first</source>
            <translation>谁可以加入，加入前要先做什么</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="164" />
            <source>Threshold fee (0 = free)</source>
            <translation>门槛费（0 表示免费）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="165" />
            <source>What members get from being here</source>
            <translation>成员在这里能得到什么</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="169" />
            <source>Edit rules…</source>
            <translation>编辑群规…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="176" />
            <source>e.g. self-introduction, welcome red packet, opening ceremony</source>
            <translation>例如：自我介绍、欢迎红包、开营仪式</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="177" />
            <source>e.g. weekly knowledge share, expert live streams</source>
            <translation>例如：每周干货分享、大牛直播</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="178" />
            <source>Who runs the group: daily operator, planner, assistants</source>
            <translation>谁来运营：日常运营、策划、助理</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="192" />
            <source>Goal and positioning</source>
            <translation>有目标：目标与定位</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="193" />
            <source>Threshold</source>
            <translation>有门槛：入群门槛</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="194" />
            <source>Threshold fee</source>
            <translation>门槛费</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="195" />
            <source>Value</source>
            <translation>有价值：成员收获</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="197" />
            <source>Rituals</source>
            <translation>有仪式</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="198" />
            <source>Sharing</source>
            <translation>有分享</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="199" />
            <source>Operators</source>
            <translation>有运营</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="210" />
            <source>Write the group rules here. Each save keeps the old text.</source>
            <translation>在这里写群规。每次保存都会保留旧版本。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="222" />
            <source>Save as new version</source>
            <translation>保存为新版本</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="236" />
            <source>Versions</source>
            <translation>历史版本</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="271" />
            <source>Version %1</source>
            <translation>第 %1 版</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="273" />
            <source>(current)</source>
            <translation>（当前）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="294" />
            <source>No rules written yet.</source>
            <translation>还没有写群规。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="297" />
            <source>Version %1 of %2; %n version(s) kept.</source>
            <translation>
                <numerusform>当前为 %2 的第 %1 版，共保留 %Ln 个版本。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="309" />
            <source>No rules yet: write the first version.</source>
            <translation>还没有群规：写下第一版吧。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="312" />
            <source>The current rules (version %1). Saving a change adds version %2.</source>
            <translation>当前群规（第 %1 版）。修改后保存将生成第 %2 版。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="321" />
            <source>Version %1 of %2 (read only).</source>
            <translation>第 %1 版，%2（只读）。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="332" />
            <source>QunDesk warns at %1% (%2 members) and never refuses anyone; %n member(s) now.</source>
            <translation>
                <numerusform>达到 %1%（%2 人）时社群助手会提醒，但从不拒绝任何人；目前 %Ln 人。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="364" />
            <source>Only the owner or an admin may change a group</source>
            <translation>只有群主或管理员可以修改社群</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="367" />
            <source>Read rules…</source>
            <translation>查看群规…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="445" />
            <source>Archive group</source>
            <translation>归档社群</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="446" />
            <source>Archive “%1”?</source>
            <translation>归档「%1」？</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="449" />
            <source>The group leaves the group list. Its members, entry progress, check-ins, points and reports are kept.</source>
            <translation>该社群将从社群列表中移除。成员、入群进度、打卡、积分和报表都会保留。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/group_profile_dialog.py" line="452" />
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>打卡 (default)</source>
            <translation>打卡（默认）</translation>
        </message>
        <message>
            <source>A chat message with one of these words is a check-in (chat-history import, pasted chat log; a 接龙 line is one by being on it); separate with 、 or spaces</source>
            <translation>群聊消息含有这些词才算打卡（导入群聊记录、粘贴聊天记录时；接龙里的每一行本身就是打卡）；用 、 或空格分隔</translation>
        </message>
        <message>
            <source>Check-in words</source>
            <translation>打卡关键词</translation>
        </message>
        <message>
            <source>Texts</source>
            <translation>文案模板</translation>
        </message>
        <message>
            <source>Camp's first day (day 1)</source>
            <translation>开营日（第1天）</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source>With the camp's first day set, a chain titled 第15天 / Day 15 is logged for the camp's 15th day (first day + 14); a title whose date and day count disagree, or a day beyond the camp's length, is asked</source>
            <translation>设置开营日后，标题为 第15天 / Day 15 的接龙记到营期第15天（开营日 + 14天）；标题的日期和天数对不上，或超出营期天数时，会先问你</translation>
        </message>
        <message>
            <source>Camp start (开营日)</source>
            <translation>开营日</translation>
        </message>
        <message>
            <source>Camp length (days)</source>
            <translation>营期天数</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="422" />
            <source>Merge…</source>
            <translation>合并…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="423" />
            <source>Open the merge dialog for %1</source>
            <translation>打开与 %1 的合并窗口</translation>
        </message>
        <message>
            <source>For QQ groups</source>
            <translation>QQ 群用</translation>
        </message>
        <message>
            <source>QQ</source>
            <translation>QQ 号</translation>
        </message>
        <message>
            <source>Only the owner or an admin may remove or blacklist a member, or lift a blacklist</source>
            <translation>只有群主或管理员可以移除、拉黑成员或解除黑名单</translation>
        </message>
        <message>
            <source>deleted: restore them from the roster's deleted people instead</source>
            <translation>已删除：请在名册的已删除成员里恢复此人，不要重复添加</translation>
        </message>
        <message>
            <source>blacklisted in %1</source>
            <translation>在 %1 的黑名单中</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>Undo merge…</source>
            <translation>撤销合并…</translation>
        </message>
        <message>
            <source>Separate the record merged into this person again, as both were before the merge</source>
            <translation>把合并进此人的记录重新分开，恢复到合并前的样子</translation>
        </message>
        <message>
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Separate the record last merged into %1 again? Both become as they were before the merge: their check-ins, points and answers go back to each.</source>
            <translation>要把最近合并进 %1 的记录重新分开吗？两条记录都会恢复到合并前：打卡、积分和回答各归各人。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="189" />
            <source>Select one member to see their details and timeline.</source>
            <translation>选中一位成员，查看资料和时间线。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="217" />
            <source>Everything</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="221" />
            <source>Show only one kind of event</source>
            <translation>只显示某一类记录</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="232" />
            <source>Nothing recorded yet.</source>
            <translation>还没有任何记录。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="252" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="253" />
            <source>Entry steps</source>
            <translation>入群步骤</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="257" />
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="258" />
            <source>Mark left…</source>
            <translation>离开…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="259" />
            <source>Blacklist…</source>
            <translation>拉黑…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="260" />
            <source>Merge…</source>
            <translation>合并…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="265" />
            <source>Record that this member left the group (a reason is kept)</source>
            <translation>记录此成员已退群（原因会保留）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="267" />
            <source>Block this person in this group; adding them again will warn (owner or admin)</source>
            <translation>在本群拉黑此人，再次添加时会提醒（群主或管理员）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="269" />
            <source>Merge this person with a duplicate record (owner or admin)</source>
            <translation>把此人与重复的记录合并（群主或管理员）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="348" />
            <source>Seed user</source>
            <translation>种子用户</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="351" />
            <source>Nickname %1</source>
            <translation>昵称 %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="353" />
            <source>Group nickname %1</source>
            <translation>群昵称 %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="355" />
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="363" />
            <source>Verified</source>
            <translation>已实名</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="369" />
            <source>Points %1</source>
            <translation>积分 %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="371" />
            <source>Level %1</source>
            <translation>等级 %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="374" />
            <source>Joined %1</source>
            <translation>%1 入群</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="376" />
            <source>Applied %1</source>
            <translation>%1 申请</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="378" />
            <source>Left %1</source>
            <translation>%1 离开</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="383" />
            <source>Referred by %1</source>
            <translation>推荐人：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/member_panel.py" line="388" />
            <source>Brought in %n person(s): %1</source>
            <translation>
                <numerusform>推荐了 %Ln 人：%1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="391" />
            <location filename="../../ui/widgets/member_panel.py" line="392" />
            <source>Purpose: %1</source>
            <translation>进群目的：%1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="394" />
            <location filename="../../ui/widgets/member_panel.py" line="395" />
            <source>Note: %1</source>
            <translation>备注：%1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="412" />
            <source>This group has no entry steps.</source>
            <translation>这个社群没有入群步骤。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="415" />
            <source>Entry steps %1/%2</source>
            <translation>入群步骤 %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="458" />
            <source>Mark as left</source>
            <translation>标记为已退群</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="459" />
            <source>Why did %1 leave? The reason is kept with their history.</source>
            <translation>%1 为什么离开？原因会和其历史记录一起保留。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="460" />
            <source>Mark left</source>
            <translation>标记离开</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="467" />
            <location filename="../../ui/widgets/member_panel.py" line="469" />
            <source>Blacklist</source>
            <translation>拉黑</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="468" />
            <source>Why is %1 blacklisted? Adding them to this group again will show a warning.</source>
            <translation>为什么拉黑 %1？以后再把此人加入本群时会提醒。</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="479" />
            <source>Reason (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <source>Copy welcome</source>
            <translation>复制欢迎词</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎词</translation>
        </message>
        <message>
            <source>Copy a welcome for this member to post in the group: the goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</source>
            <translation>复制给这位成员的欢迎词发到群里：社群目标、群规、入群须知和还要完成的入群步骤；点箭头可先预览</translation>
        </message>
        <message>
            <source>Click the name to see or change what was recorded</source>
            <translation>单击步骤名称可查看或修改记录的内容</translation>
        </message>
        <message>
            <source>Tick a step (click or Space) to record it now; untick to undo; click a done step's name to see or change its answer.</source>
            <translation>勾选步骤（单击或按空格）即记录完成；取消勾选即撤销；单击已完成步骤的名称可查看或修改回答。</translation>
        </message>
        <message>
            <source>Already a member: let in without these steps recorded. Ticking one records it; the status stays.</source>
            <translation>已是成员: 入群时未记录这些步骤。勾选即补记, 状态不变。</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Merge undone: the two records are separate again.</source>
            <translation>已撤销合并：两条记录重新分开。</translation>
        </message>
        <message>
            <source>The check-ins, points and answers of both become one person's. The merge can be undone (here, or later from the kept person's details) until either record changes.</source>
            <translation>两条记录的打卡、积分和回答都将归于一人。在任一条记录再有改动之前，可以撤销合并（在此处，或稍后在保留者的详情里）。</translation>
        </message>
        <message>
            <source>Their WeChat IDs differ: %1 and %2.</source>
            <translation>两条记录的微信号不同：%1 和 %2。</translation>
        </message>
        <message>
            <source>Their phones differ: %1 and %2.</source>
            <translation>两条记录的手机号不同：%1 和 %2。</translation>
        </message>
        <message>
            <source>They may be two different people.</source>
            <translation>他们可能是两个不同的人。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="67" />
            <source>Merge duplicate records</source>
            <translation>合并重复记录</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="79" />
            <source>Two records of the same person? Find the other record, compare them and choose the one to keep. Everything of the other record moves to it: groups, entry steps, check-ins (a day logged in both counts once), attendance, points, referrals and history. Empty fields are filled from the other.</source>
            <translation>同一个人有两条记录？找到另一条，对比后选择保留哪一条。另一条记录的所有内容都会移到保留的记录上：所在社群、入群步骤、打卡（两边同一天都有的只算一次）、活动出勤、积分、推荐关系和历史记录。保留记录中空着的字段会用另一条补上。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="90" />
            <source>Find the other record: name, WeChat ID, phone tail, pinyin</source>
            <translation>查找另一条记录：姓名、微信号、手机尾号、拼音</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="124" />
            <source>Keep:</source>
            <translation>保留：</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="136" />
            <location filename="../../ui/dialogs/merge_dialog.py" line="323" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="139" />
            <location filename="../../ui/dialogs/merge_dialog.py" line="324" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="145" />
            <source>Only the owner or an admin may merge members</source>
            <translation>只有群主或管理员可以合并成员</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="196" />
            <source>No other record matches.</source>
            <translation>没有找到其他匹配的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="219" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="221" />
            <source>%1 (%2, %n check-in(s))</source>
            <translation>
                <numerusform>%1（%2，打卡 %Ln 次）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="229" />
            <source>No groups</source>
            <translation>不在任何社群</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="243" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="244" />
            <source>Groups</source>
            <translation>所在社群</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="245" />
            <source>Check-ins</source>
            <translation>打卡次数</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="246" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="247" />
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="248" />
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="249" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="250" />
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="251" />
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="252" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="253" />
            <source>Added on</source>
            <translation>添加日期</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="258" />
            <source>(choose the other record above)</source>
            <translation>（请在上方选择另一条记录）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="312" />
            <source>Merge records</source>
            <translation>合并记录</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="314" />
            <source>Merge %1 (#%2) into %3 (#%4)?</source>
            <translation>把 %1（#%2）合并到 %3（#%4）？</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="346" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="357" />
            <source>Merged into %1.</source>
            <translation>已合并到 %1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="358" />
            <source>%n membership(s) moved</source>
            <translation>
                <numerusform>转入 %Ln 个社群身份</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="359" />
            <source>%n membership(s) combined</source>
            <translation>
                <numerusform>合并 %Ln 个相同社群的身份</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="360" />
            <source>%n check-in(s) moved</source>
            <translation>
                <numerusform>转入 %Ln 次打卡</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/merge_dialog.py" line="361" />
            <source>%n same-day duplicate check-in(s) dropped</source>
            <translation>
                <numerusform>去掉 %Ln 次同一天的重复打卡</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/merge_dialog.py" line="424" />
            <source>every entry step done: now a member of %1</source>
            <translation>入群步骤已全部完成，现为「%1」的成员</translation>
        </message>
        <message>
            <source>QQ</source>
            <translation>QQ号</translation>
        </message>
        <message>
            <source>Their QQ numbers differ: %1 and %2.</source>
            <translation>两条记录的 QQ 号不同：%1 和 %2。</translation>
        </message>
        <message>
            <source>Where both records have a value, %1's stays; the other's own nickname, IDs, city and occupation are added to the note.</source>
            <translation>两条记录都有的资料保留「%1」的；另一条记录不同的昵称、微信号/QQ 号、城市和职业写入备注。</translation>
        </message>
        <message>
            <source>Blacklisted in %1: the merged person stays blacklisted there.</source>
            <translation>在「%1」的黑名单中：合并后的记录在那里仍是黑名单。</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%2, joined %3, %n check-in(s))</source>
            <translation>
                <numerusform>%1（%2，%3 入群，打卡 %Ln 次）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromptDialog</name>
        <message>
            <location filename="../../ui/dialogs/prompt_dialog.py" line="66" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/prompt_dialog.py" line="67" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>ReferralTreeDialog</name>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="34" />
            <source>Referral tree</source>
            <translation>推荐关系</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Direct referrals</source>
            <translation>直接推荐</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="41" />
            <source>Brought in</source>
            <translation>共带来</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="45" />
            <source>Everyone they brought in, directly or through the people they brought</source>
            <translation>直接推荐的人，加上这些人再推荐来的人</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="60" />
            <source>Nobody in this group was brought in by another member yet. Set a referrer on a member to start.</source>
            <translation>这个社群还没有由其他成员推荐加入的人。在成员资料里设置推荐人后即可看到。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="66" />
            <source>Expand all</source>
            <translation>全部展开</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="67" />
            <source>Collapse</source>
            <translation>收起</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="71" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="95" />
            <source>%n referrer(s) at the top of a tree</source>
            <translation>
                <numerusform>%Ln 位源头推荐人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="97" />
            <source>%n person(s) brought in by referral</source>
            <translation>
                <numerusform>通过推荐带来 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="104" />
            <source>%1 (not in this group)</source>
            <translation>%1（不在本群）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="108" />
            <source>%1 (referral cycle)</source>
            <translation>%1（推荐关系成环）</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/referral_tree_dialog.py" line="108" />
            <source>%1 is recorded as brought in by %2, and %2 as brought in (directly or through others) by %1. One of these referrers is wrong: correct it on the member.</source>
            <translation>%1 的推荐人记为 %2，而 %2 又记为由 %1（直接或间接）带来。其中有一个推荐人记错了：请在成员资料里更正。</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="191" />
            <source>Add tag…</source>
            <translation>添加标签…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="192" />
            <source>Set tier…</source>
            <translation>设置层级…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="193" />
            <source>Add role…</source>
            <translation>添加角色…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="195" />
            <source>Copy to group…</source>
            <translation>复制到社群…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="196" />
            <source>Move to group…</source>
            <translation>移到社群…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="198" />
            <source>Mark left…</source>
            <translation>标记离开…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="199" />
            <location filename="../../ui/pages/roster_page.py" line="655" />
            <source>Bulk actions</source>
            <translation>批量操作</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="202" />
            <source>Act on every selected member at once (Shift/Ctrl-click to select)</source>
            <translation>对选中的所有成员一起操作（按住 Shift 或 Ctrl 点击可多选）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="204" />
            <source>Referral tree</source>
            <translation>推荐关系</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="206" />
            <source>Group profile</source>
            <translation>社群资料</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="208" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="211" />
            <source>Show or hide the member panel</source>
            <translation>显示或隐藏成员详情面板</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="258" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="456" />
            <source>Choose a group in the list on the left first</source>
            <translation>请先在左侧列表中选择一个社群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="461" />
            <source>Who brought whom into this group</source>
            <translation>谁把谁带进了这个社群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="462" />
            <source>Goal, threshold, rules and the other essentials of this group</source>
            <translation>本群的目标、门槛、群规等七要素</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="482" />
            <source>%n people selected. Use “Bulk actions” to change them together.</source>
            <translation>
                <numerusform>已选中 %Ln 人。可用「批量操作」一起修改。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="486" />
            <source>Select one member to see their details and timeline.</source>
            <translation>选中一位成员，查看资料和时间线。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="587" />
            <source>Edited %1.</source>
            <translation>已修改 %1。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="643" />
            <source>Restored %n person(s).</source>
            <translation>
                <numerusform>已恢复 %Ln 人。</numerusform>
            </translation>
        </message>
        <message>
            <source>An ID-card number is never stored: only its last four characters were kept.</source>
            <translation>身份证号不保存，只保留了后四位。</translation>
        </message>
        <message>
            <source>%1 has the same WeChat ID or phone as %2 (#%3): if they are one person, merge them.</source>
            <translation>%1 与 %2（#%3）的微信号或手机号相同：如果是同一个人，请合并。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="651" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="712" />
            <source>Add tag</source>
            <translation>添加标签</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="713" />
            <source>Tag for %n selected person(s) — pick one or type a new one:</source>
            <translation>
                <numerusform>给选中的 %Ln 人添加标签（可选择已有标签，或输入新标签）：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="716" />
            <source>e.g. early riser</source>
            <translation>例如：早起达人</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="728" />
            <source>Added the tag “%1” to %n person(s).</source>
            <translation>
                <numerusform>已给 %Ln 人添加标签「%1」。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="739" />
            <source>(no tier)</source>
            <translation>（不设层级）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="741" />
            <source>Set tier</source>
            <translation>设置层级</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="742" />
            <source>Tier for %n selected person(s):</source>
            <translation>
                <numerusform>选中的 %Ln 人的层级：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="755" />
            <source>Set the tier of %n person(s) to %1.</source>
            <translation>
                <numerusform>已把 %Ln 人的层级设为「%1」。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="757" />
            <source>Cleared the tier of %n person(s).</source>
            <translation>
                <numerusform>已清除 %Ln 人的层级。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="769" />
            <source>Add role</source>
            <translation>添加角色</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="770" />
            <source>Role for %n selected person(s) in their group:</source>
            <translation>
                <numerusform>选中的 %Ln 人在所在社群担任的角色：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="783" />
            <source>Added the role “%1” to %n person(s).</source>
            <translation>
                <numerusform>已给 %Ln 人添加角色「%1」。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="793" />
            <source>There is no other group to choose. Create one first (File ▸ New group…).</source>
            <translation>没有其他社群可选。请先新建一个（文件 ▸ 新建社群…）。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="807" />
            <source>Copy to group</source>
            <translation>复制到社群</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="808" />
            <source>Also add %n selected person(s) to this group (they stay where they are):</source>
            <translation>
                <numerusform>把选中的 %Ln 人也加入这个社群（原社群保持不变）：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="820" />
            <source>Move to group</source>
            <translation>移到社群</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="822" />
            <source>Move %n selected person(s) to this group. Their old membership is marked as left; its history stays.</source>
            <translation>
                <numerusform>把选中的 %Ln 人移到这个社群。原社群的身份会标记为已退群，历史记录保留。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="834" />
            <source>Moved %n person(s) to %1.</source>
            <translation>
                <numerusform>已把 %Ln 人移到「%1」。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="836" />
            <source>Copied %n person(s) to %1.</source>
            <translation>
                <numerusform>已把 %Ln 人复制到「%1」。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="839" />
            <source>%n were already there.</source>
            <translation>
                <numerusform>其中 %Ln 人原本就在该群。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Not moved: %1 — still joining %2 (applicant or newcomer there), so they stay here.</source>
            <translation>未移动：%1 —— 还在「%2」申请或入群中，所以仍留在本群。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Also gone from the roster of %1.</source>
            <translation>同时从「%1」的名册中移除。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%1: deleted already by someone else.</source>
            <translation>%1：已被其他人删除。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%n had left already (their day and reason are kept).</source>
            <translation>
                <numerusform>其中 %Ln 人已经退群（保留原退群日期和原因）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>%1 had been removed from %2 and are members there again.</source>
            <translation>%1 曾被移出「%2」，现在重新成为该群成员。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="0" />
            <source>Blacklisted in another group: %1 — now members of %2 as asked; remove them there if not.</source>
            <translation>在其他社群的黑名单中: %1 — 已按要求成为「%2」的成员；若不该加入，请在该群移出。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="850" />
            <source>Mark as left</source>
            <translation>标记为已退群</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="851" />
            <source>Why did these %n person(s) leave? The reason is kept with their history.</source>
            <translation>
                <numerusform>这 %Ln 人为什么离开？原因会和历史记录一起保留。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="852" />
            <source>Reason (required)</source>
            <translation>原因（必填）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="853" />
            <source>Mark left</source>
            <translation>标记离开</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/roster_page.py" line="862" />
            <source>Marked %n person(s) as left.</source>
            <translation>
                <numerusform>已将 %Ln 人标记为已退群。</numerusform>
            </translation>
        </message>
        <message>
            <source>Never spoke</source>
            <translation>从不发言</translation>
        </message>
        <message>
            <source>Members and newcomers with no message in any imported chat history (Tools → Import a chat history…); choose a status to look at others</source>
            <translation>已入群和入群中、在导入的聊天记录里一条消息也没有的人（工具 → 导入聊天记录…）；选一个状态可查看其他人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="546" />
            <source>Only the rows loaded so far are selected: %1 of %2. Scroll down to load more, or narrow the list with the search and the filters.</source>
            <translation>只选中了已加载的 %1 人（共 %2 人）。向下滚动可加载更多，或用搜索和筛选缩小名单。</translation>
        </message>
        <message>
            <source>Changing the selected people…</source>
            <translation>正在修改选中的人…</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was changed.</source>
            <translation>已取消，没有做任何修改。</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>已撤销：%1</translation>
        </message>
        <message>
            <source>Redone: %1</source>
            <translation>已重做：%1</translation>
        </message>
        <message numerus="yes">
            <source>%n person(s) changed by someone else since: left as they are.</source>
            <translation>
                <numerusform>其中 %Ln 人在此之后被他人改过，保持不变。</numerusform>
            </translation>
        </message>
        <message>
            <source>(Not in the group shown.)</source>
            <translation>（不在当前显示的社群中。）</translation>
        </message>
        <message numerus="yes">
            <source>%n field(s) changed by someone else since: left as they are.</source>
            <translation>
                <numerusform>其中 %Ln 项在此之后被他人改过，保持不变。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to undo here. Undo reaches back to the changes made on this page since QunDesk was opened (a copy or move to a group, or another operator signing in, starts it afresh).</source>
            <translation>这里没有可以撤销的操作。撤销只能追溯到本次打开社群助手以来在这个页面上做的修改（复制或移动到社群、换操作员登录后重新开始）。</translation>
        </message>
        <message numerus="yes">
            <source>%n of the selected rows are not in the list now and are no longer selected: bulk actions act only on the %1 still selected.</source>
            <translation>
                <numerusform>选中的行中有 %Ln 行已不在当前列表中，已取消选中：批量操作只作用于仍选中的 %1 行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n selected rows in %1: a person selected in more than one group changes in each of them.</source>
            <translation>
                <numerusform>选中的 %Ln 行分属 %1：在多个社群中被选中的人，在每个社群里都会更改。</numerusform>
            </translation>
        </message>
        <message>
            <source>Adjust points…</source>
            <translation>调整积分…</translation>
        </message>
        <message>
            <source>Points are adjusted in one group at a time: the selection holds members of %1. Choose one group on the left first.</source>
            <translation>积分按群调整：所选成员分属 %1。请先在左侧选择一个群。</translation>
        </message>
        <message numerus="yes">
            <source>Adjusted the points of %n member(s); the Points page's ledger undoes it.</source>
            <translation>
                <numerusform>已为 %Ln 位成员调整积分；可在积分页的流水中撤销。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineKind</name>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="63" />
            <source>Entry steps</source>
            <translation>入群步骤</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="64" />
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="65" />
            <source>Activities</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="66" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="67" />
            <source>Violations</source>
            <translation>违规</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="68" />
            <source>Contributions</source>
            <translation>贡献</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="69" />
            <source>Leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_panel.py" line="70" />
            <source>Joining and leaving</source>
            <translation>入群与离开</translation>
        </message>
        <message>
            <source>Chat messages</source>
            <translation>群聊发言</translation>
        </message>
        <message>
            <source>Applications</source>
            <translation>入群申请</translation>
        </message>
    </context>
    <context>
        <name>RosterTableModel</name>
        <message>
            <source>Last message</source>
            <translation>最近发言</translation>
        </message>
        <message>
            <source>Messages (30 days)</source>
            <translation>近30天发言</translation>
        </message>
        <message>
            <source>%1 (formerly %2)</source>
            <translation>%1（曾用名 %2）</translation>
        </message>
    </context>
</TS>
