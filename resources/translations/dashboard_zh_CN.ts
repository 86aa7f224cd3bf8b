<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AlertKind</name>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="59" />
            <source>Zombie group</source>
            <translation>僵尸群预警</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="60" />
            <source>Capacity</source>
            <translation>容量预警</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="61" />
            <source>Repeat violators</source>
            <translation>多次违规</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="62" />
            <source>Stalled onboarding</source>
            <translation>入群停滞</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="63" />
            <source>Silent newcomers</source>
            <translation>沉默新人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="64" />
            <source>Dormant members</source>
            <translation>沉默成员</translation>
        </message>
    </context>
    <context>
        <name>AlertMembersDialog</name>
        <message numerus="yes">
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="35" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="40" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="40" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="57" />
            <source>Copy names</source>
            <translation>复制名单</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="58" />
            <source>Copy the names, one per line, to paste into the chat</source>
            <translation>复制名单（每行一个），方便贴到群里 @ 提醒</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/alert_members_dialog.py" line="80" />
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>%1 in all groups: %2 (someone in two groups is a member of both)</source>
            <translation>全部社群共 %1，共 %2（同在两个群的人是两个群的群成员）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="70" />
            <source>Key</source>
            <translation>大咖+核心</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="71" />
            <source>Mid</source>
            <translation>中咖</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="72" />
            <source>Ordinary</source>
            <translation>普通</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="73" />
            <source>Not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="281" />
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="287" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="288" />
            <source>Compute the figures again (F5)</source>
            <translation>重新计算 (F5)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="322" />
            <source>Zombie-group alert</source>
            <translation>僵尸群预警</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="336" />
            <location filename="../../ui/pages/dashboard_page.py" line="461" />
            <source>Members</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="337" />
            <location filename="../../ui/pages/dashboard_page.py" line="462" />
            <source>Active, 7 days</source>
            <translation>近 7 天活跃</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="338" />
            <location filename="../../ui/pages/dashboard_page.py" line="463" />
            <source>Active, 30 days</source>
            <translation>近 30 天活跃</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="339" />
            <location filename="../../ui/pages/dashboard_page.py" line="464" />
            <source>Check-in rate</source>
            <translation>打卡率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="340" />
            <location filename="../../ui/pages/dashboard_page.py" line="738" />
            <source>Activities</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="341" />
            <source>Attendance rate</source>
            <translation>出勤率</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="342" />
            <location filename="../../ui/pages/dashboard_page.py" line="465" />
            <source>Dormant</source>
            <translation>沉默成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="343" />
            <source>Silent newcomers</source>
            <translation>沉默新人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="344" />
            <location filename="../../ui/pages/dashboard_page.py" line="466" />
            <source>Stalled onboarding</source>
            <translation>入群停滞</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="345" />
            <source>Capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="346" />
            <source>Joined / left</source>
            <translation>入群 / 退群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="366" />
            <source>Daily check-ins this month</source>
            <translation>本月每日打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="367" />
            <source>Member structure against %1</source>
            <translation>成员结构 (目标 %1)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="368" />
            <source>Entry funnel (conversion from the step before)</source>
            <translation>入群漏斗 (较上一步的转化率)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="369" />
            <source>Activities per month</source>
            <translation>每月活动数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="393" />
            <source>No alerts. The group looks healthy.</source>
            <translation>没有预警，社群状态良好。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="395" />
            <source>Alerts</source>
            <translation>预警</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="397" />
            <source>Click an alert to see the members.</source>
            <translation>点击预警查看成员名单。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="409" />
            <source>Role coverage</source>
            <translation>角色覆盖</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="417" />
            <source>Top referrers</source>
            <translation>推荐达人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="460" />
            <source>Groups</source>
            <translation>社群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="467" />
            <source>Zombie groups</source>
            <translation>僵尸群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="498" />
            <source>Riskiest groups first: zombie groups, then the lowest share of members active in the last 7 days. Click a column header to sort by it.</source>
            <translation>风险最高的社群排在前面：先是僵尸群，再按近 7 天活跃占比从低到高。点击列标题可按该列排序。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="551" />
            <location filename="../../ui/pages/dashboard_page.py" line="841" />
            <source>All groups</source>
            <translation>全部社群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="625" />
            <location filename="../../ui/pages/dashboard_page.py" line="842" />
            <source>as of %1</source>
            <translation>截至 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="647" />
            <source>Now in the group</source>
            <translation>当前在群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="648" />
            <source>Members on %1</source>
            <translation>%1 的成员数 (已入群)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="652" />
            <location filename="../../ui/pages/dashboard_page.py" line="658" />
            <source>%1 of the members</source>
            <translation>占成员 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="654" />
            <source>Members with a check-in, an attended activity, a contribution or a chat message in the last 7 days</source>
            <translation>近 7 天有打卡、参加活动、分享或群聊发言的成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="659" />
            <source>Members with a check-in, an attended activity, a contribution or a chat message in the last 30 days</source>
            <translation>近 30 天有打卡、参加活动、分享或群聊发言的成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="665" />
            <source>Last month %1 %2</source>
            <translation>上月 %1 %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="669" />
            <source>Members' check-ins ÷ (members × days so far, leave days excepted); change in points</source>
            <translation>成员打卡次数 ÷ (成员数 × 本月已过天数，扣除请假天数)；变化为百分点</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="673" />
            <source>Last month %1</source>
            <translation>上月 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="674" />
            <source>Activities starting this month</source>
            <translation>本月开始的活动</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="678" />
            <source>Attended ÷ expected</source>
            <translation>出席 ÷ 应到</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="679" />
            <source>Attended ÷ (registered + attended + absent) for this month's activities</source>
            <translation>本月活动：出席 ÷ (报名 + 出席 + 缺席)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="683" />
            <source>No recent participation</source>
            <translation>近期无任何参与</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="684" />
            <source>Not taking part yet</source>
            <translation>入群后未参与</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="685" />
            <source>Stuck at a step</source>
            <translation>卡在某一步</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="687" />
            <source>Click to see who</source>
            <translation>点击查看名单</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="756" />
            <source>Since %1</source>
            <translation>自 %1 起观察</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="758" />
            <source>Dormant members are counted over the days QunDesk has observed this group: since %1, the day it was set up here or the earliest history imported</source>
            <translation>沉默成员只按 QunDesk 观察到本群的日子计算: 自 %1 起 (本群在此建立之日, 或导入的最早记录之日)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="692" />
            <source>%1 used</source>
            <translation>已用 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="695" />
            <source>A WeChat group holds at most 500 people; QunDesk warns at %1</source>
            <translation>微信群最多 500 人；达到 %1 时预警</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="702" />
            <source>Net %1</source>
            <translation>净增 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="704" />
            <source>Members who joined and who left this month</source>
            <translation>本月入群与退群人数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="710" />
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="718" />
            <source>Actual</source>
            <translation>实际</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="719" />
            <source>Target</source>
            <translation>目标</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="733" />
            <source>Reached</source>
            <translation>到达人数</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="762" />
            <source>%1 and %n more</source>
            <translation>
                <numerusform>%1 及另外 %Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="763" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="767" />
            <source>Click to see the %n member(s)</source>
            <translation>
                <numerusform>点击查看这 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="820" />
            <source>Missing: %1</source>
            <translation>缺少: %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="823" />
            <source>✓ Every role is covered</source>
            <translation>✓ 各角色都有人担任</translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="829" />
            <source>No referrals recorded yet.</source>
            <translation>还没有推荐记录。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/dashboard_page.py" line="832" />
            <source>%1. %2 — brought %n member(s)</source>
            <translation>
                <numerusform>%1. %2 — 推荐入群 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/dashboard_page.py" line="852" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Chat messages per day this month</source>
            <translation>本月每日群聊发言</translation>
        </message>
        <message>
            <source>Who speaks most (30 days)</source>
            <translation>发言最多（近30天）</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>发言</translation>
        </message>
        <message numerus="yes">
            <source>%1. %2 — %n message(s)</source>
            <translation>
                <numerusform>%1. %2 — %Ln 条</numerusform>
            </translation>
        </message>
        <message>
            <source>No chat history imported for the last 30 days (Tools → Import a chat history…).</source>
            <translation>近30天没有导入群聊记录（工具 → 导入群聊记录…）。</translation>
        </message>
        <message>
            <source>Copy month summary</source>
            <translation>复制月度小结</translation>
        </message>
        <message>
            <source>Month summary</source>
            <translation>月度小结</translation>
        </message>
        <message>
            <source>Copy this month's headline figures with last month's beside them, to post in the group; the arrow opens a preview or last month's summary</source>
            <translation>复制本月主要数据（附上月对比），发到群里；点箭头可预览，或查看上月小结</translation>
        </message>
        <message>
            <source>Last month's summary…</source>
            <translation>上月小结…</translation>
        </message>
        <message>
            <source>Stalled</source>
            <translation>入群停滞</translation>
        </message>
        <message>
            <source>Not taken yet</source>
            <translation>尚未点名</translation>
        </message>
    </context>
    <context>
        <name>GroupOverviewModel</name>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="26" />
            <source>Group</source>
            <translation>社群</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="27" />
            <source>Members</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="28" />
            <source>Active 7 days</source>
            <translation>近 7 天活跃</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="29" />
            <source>Active 30 days</source>
            <translation>近 30 天活跃</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="30" />
            <source>Check-in rate</source>
            <translation>打卡率</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="31" />
            <source>Dormant</source>
            <translation>沉默</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="32" />
            <source>Stalled</source>
            <translation>停滞</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="33" />
            <source>Zombie group</source>
            <translation>僵尸群</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="128" />
            <source>%1% of the capacity used</source>
            <translation>已用容量的 %1%</translation>
        </message>
        <message>
            <location filename="../../ui/models/group_overview_model.py" line="147" />
            <source>Zombie</source>
            <translation>僵尸群</translation>
        </message>
    </context>
</TS>
