<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AdjustPointsDialog</name>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="47" />
            <source>Adjust points</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="60" />
            <source>Positive to add, negative to take away</source>
            <translation>正数为加分，负数为扣分</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="62" />
            <source>Required, e.g. helped organise the meetup</source>
            <translation>必填，例如：协助组织线下聚会</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="70" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="71" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="72" />
            <source>Reason *</source>
            <translation>原因 *</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="73" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="74" />
            <source>The ledger keeps every adjustment with its reason and your name.</source>
            <translation>积分明细会记录每次调整的原因和操作员。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="80" />
            <source>Adjust</source>
            <translation>调整</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="83" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="123" />
            <source>Choose a member from the list first.</source>
            <translation>请先从列表中选择一位成员。</translation>
        </message>
    </context>
    <context>
        <name>LeaderboardModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="74" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="75" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="76" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="77" />
            <source>Level</source>
            <translation>等级</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="280" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="281" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="282" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="283" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="284" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
    </context>
    <context>
        <name>LevelsModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="206" />
            <source>Level name</source>
            <translation>等级名称</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="207" />
            <source>From points</source>
            <translation>起始积分</translation>
        </message>
    </context>
    <context>
        <name>PointRule</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="23" />
            <source>Check-in</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="24" />
            <source>7-day check-in streak</source>
            <translation>连续打卡7天</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="25" />
            <source>Online activity attended</source>
            <translation>参加线上活动</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="26" />
            <source>Offline activity attended</source>
            <translation>参加线下活动</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="27" />
            <source>Host or speaker at an activity</source>
            <translation>活动主持/分享嘉宾</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="28" />
            <source>Share</source>
            <translation>分享</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="29" />
            <source>Converted referral</source>
            <translation>推荐入群</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="30" />
            <source>Violation</source>
            <translation>违规</translation>
        </message>
    </context>
    <context>
        <name>PointSource</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="33" />
            <source>Check-in</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="34" />
            <source>Streak</source>
            <translation>连续打卡</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="35" />
            <source>Activity</source>
            <translation>活动</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="36" />
            <source>Contribution</source>
            <translation>贡献</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="37" />
            <source>Violation</source>
            <translation>违规</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="38" />
            <source>Referral</source>
            <translation>推荐</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="39" />
            <source>Manual</source>
            <translation>手动调整</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="40" />
            <source>Recompute</source>
            <translation>重新计算</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="41" />
            <source>Reversal</source>
            <translation>冲回</translation>
        </message>
    </context>
    <context>
        <name>PointsPage</name>
        <message>
            <location filename="../../ui/pages/points_page.py" line="155" />
            <source>Recompute from rules</source>
            <translation>按规则重新计算</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="155" />
            <source>Pricing every fact with the current rules…</source>
            <translation>正在按当前规则重新计算每条记录…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="173" />
            <source>Choose a group on the left to see its points and leaderboard.</source>
            <translation>请先在左侧选择一个社群，查看积分和排行榜。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="179" />
            <source>Month</source>
            <translation>月榜</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="180" />
            <source>All time</source>
            <translation>总榜</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="192" />
            <source>Adjust points…</source>
            <translation>调整积分…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="194" />
            <source>Recompute from rules…</source>
            <translation>按规则重新计算…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="195" />
            <source>Show what the current rules would change, then apply it</source>
            <translation>先预览按当前规则会有哪些变化，再决定是否应用</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="220" />
            <source>Levels follow the points up to the end of the month shown (all time: up to today). Members who opted out of rankings are not listed.</source>
            <translation>等级按截至所示月份月底的累计积分计算 (累计榜: 截至今天)。选择不参与排名的成员不会列出。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="233" />
            <source>Ledger</source>
            <translation>积分明细</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="234" />
            <source>Rules</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="235" />
            <source>Levels</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="266" />
            <source>Adjust…</source>
            <translation>调整…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="267" />
            <source>Adjust this member's points by hand</source>
            <translation>手动调整这位成员的积分</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="310" />
            <source>Double-click a value to change it. A change applies to new entries; use “Recompute from rules…” to re-price past ones.</source>
            <translation>双击分值即可修改。修改只影响之后的积分；用“按规则重新计算…”可重算以往的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="315" />
            <source>Only the owner or an admin may change point rules.</source>
            <translation>只有群主或管理员可以修改积分规则。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="333" />
            <source>Add level</source>
            <translation>添加等级</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="334" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="335" />
            <source>Save levels</source>
            <translation>保存等级</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="350" />
            <source>A member's level is the highest one whose points they have reached (all-time points).</source>
            <translation>成员的等级是其累计积分达到的最高一级。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="352" />
            <source>Only the owner or an admin may change the levels.</source>
            <translation>只有群主或管理员可以修改等级。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="423" />
            <source>Top %1 of %n member(s) with points</source>
            <translation>
                <numerusform>积分前 %1 名（共 %Ln 人有积分）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="436" />
            <source>%n member(s) with points</source>
            <translation>
                <numerusform>%Ln 人有积分</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="478" />
            <source>Choose a member</source>
            <translation>请选择成员</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="475" />
            <source>the latest %1 entries</source>
            <translation>最近 %1 条记录</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="467" />
            <source>%n point(s)</source>
            <translation>
                <numerusform>%Ln 分</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="495" />
            <source>Rule saved. New entries use it now; “Recompute from rules…” re-prices past ones.</source>
            <translation>规则已保存，之后的积分按新规则计算；用“按规则重新计算…”可重算以往的记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="1" />
            <source>Rule saved. 7-day bonuses follow each member's whole history: a member's past runs are settled to this rule at their next check-in, dated on the runs' days, so past months' points change then; “Recompute from rules…” settles everyone now.</source>
            <translation>规则已保存。连续7天奖励按每位成员的全部打卡记录计算：成员下次打卡时，其以往的连续打卡会按新规则补发或撤回，记在当时的日期，以往月份的积分随之变化；用“按规则重新计算…”可立即为所有人结算。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="527" />
            <source>New level</source>
            <translation>新等级</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/points_page.py" line="619" />
            <source>%n member(s) corrected by the current rules.</source>
            <translation>
                <numerusform>已按当前规则修正 %Ln 位成员的积分。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/points_page.py" line="643" />
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消，没有任何改动。</translation>
        </message>
        <message>
            <source>Copy leaderboard</source>
            <translation>复制积分榜</translation>
        </message>
        <message>
            <source>Leaderboard</source>
            <translation>积分榜</translation>
        </message>
        <message>
            <source>Copy the chosen month's top 10 with points and levels, to post in the group (members who opted out are left out); the arrow opens a preview</source>
            <translation>复制所选月份的前 10 名（积分和等级）发到群里（不参与排行的成员不列出）；点箭头可先预览</translation>
        </message>
        <message>
            <source>Undo adjustment</source>
            <translation>撤销调整</translation>
        </message>
        <message>
            <source>Take back the selected manual adjustment: the ledger keeps it and adds the entry that undoes it</source>
            <translation>撤销选中的手动调整: 流水保留原记录, 另记一条撤销</translation>
        </message>
        <message>
            <source>Undo the adjustment %1 of %2 (%3)? The ledger keeps both it and the entry undoing it.</source>
            <translation>撤销 %2 的 %1 分调整 (%3) 吗? 流水会保留原记录和这条撤销。</translation>
        </message>
        <message>
            <source>%1 and %2 more</source>
            <translation>%1 等另外 %2 人</translation>
        </message>
        <message>
            <source>The adjustment %1 (%2) was given to %3 members at once: %4. Undo it for all of them, or for this member only? The ledger keeps each adjustment and the entry undoing it.</source>
            <translation>这次调整 %1（%2）是同时给 %3 位成员的：%4。全部撤销，还是只撤销这位成员的？流水会保留每条调整及其撤销记录。</translation>
        </message>
        <message>
            <source>Undo for all %1</source>
            <translation>全部撤销（%1 人）</translation>
        </message>
        <message>
            <source>This member only</source>
            <translation>只撤销这位</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message numerus="yes">
            <source>Adjusted the points of %n member(s); undo it from any of their ledgers.</source>
            <translation>
                <numerusform>已为 %Ln 位成员调整积分；可在其中任一人的流水中撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Adjust one member's points; the arrow: the same points and reason for several members at once</source>
            <translation>调整一位成员的积分；箭头：为多位成员同时调整相同的分值和原因</translation>
        </message>
        <message>
            <source>One member…</source>
            <translation>一位成员…</translation>
        </message>
        <message>
            <source>Several members at once (paste their names or a 接龙)…</source>
            <translation>多位成员（粘贴名字或接龙）…</translation>
        </message>
    </context>
    <context>
        <name>RecomputeDialog</name>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="155" />
            <source>Recompute from rules</source>
            <translation>按规则重新计算</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="162" />
            <source>Every recorded fact priced with the current rules. Applying adds one correcting entry per member to the ledger, dated today; nothing is deleted. Past months keep their points; this month's points and leaderboard include the correction. Manual adjustments are left as they are.</source>
            <translation>按当前规则重新计算每条已记录的打卡、活动、贡献和违规。应用后会为每位成员追加一条修正记录，日期为今天，不删除任何记录。以往月份的积分不变；本月积分和排行榜会包含这次修正。手动调整保持不变。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/points_dialogs.py" line="174" />
            <source>%n member(s) would change, %1 points in total.</source>
            <translation>
                <numerusform>将有 %Ln 位成员的积分变化，合计 %1 分。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="177" />
            <source>Nothing to change: the ledger agrees with the rules.</source>
            <translation>无需修改：积分明细与规则一致。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="198" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="202" />
            <source>Only the owner or an admin may change points by the rules</source>
            <translation>只有群主或管理员可以按规则修改积分</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="205" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/points_dialogs.py" line="205" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>RecomputeModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="330" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="331" />
            <source>Current</source>
            <translation>当前</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="332" />
            <source>By the rules</source>
            <translation>按规则</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="333" />
            <source>Change</source>
            <translation>变化</translation>
        </message>
    </context>
    <context>
        <name>RulesModel</name>
        <message>
            <location filename="../../ui/models/points_models.py" line="117" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="118" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/models/points_models.py" line="119" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>BatchAdjustDialog</name>
        <message>
            <source>Adjust points for several members</source>
            <translation>为多位成员调整积分</translation>
        </message>
        <message>
            <source>Paste the names here: 张三 李四 王五, one per line, or a 接龙 copied from the group</source>
            <translation>在这里粘贴名字：张三 李四 王五，每行一个，或从群里复制的接龙</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名字</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>匹配</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>处理</translation>
        </message>
        <message>
            <source>Positive to add, negative to take away</source>
            <translation>正数加分，负数扣分</translation>
        </message>
        <message>
            <source>Required, e.g. came to the offline meetup</source>
            <translation>必填，如：参加线下聚会</translation>
        </message>
        <message>
            <source>Points each</source>
            <translation>每人分值</translation>
        </message>
        <message>
            <source>Reason *</source>
            <translation>原因 *</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Adjust</source>
            <translation>调整</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Selected</source>
            <translation>已选</translation>
        </message>
        <message>
            <source>Leave out</source>
            <translation>不计入</translation>
        </message>
        <message>
            <source>Choose who this is…</source>
            <translation>请选择是哪位成员…</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>已匹配</translation>
        </message>
        <message numerus="yes">
            <source>%n possible member(s)</source>
            <translation>
                <numerusform>%Ln 位可能的成员</numerusform>
            </translation>
        </message>
        <message>
            <source>No member of this name</source>
            <translation>没有叫这个名字的成员</translation>
        </message>
        <message>
            <source>Repeated: counted once</source>
            <translation>重复：只算一次</translation>
        </message>
        <message>
            <source>Not in the group</source>
            <translation>不在本群</translation>
        </message>
        <message>
            <source>Not a name: left out</source>
            <translation>不是名字：不计入</translation>
        </message>
        <message>
            <source>Left out</source>
            <translation>不计入</translation>
        </message>
        <message>
            <source>Paste the names above; each is matched to the group's members.</source>
            <translation>在上方粘贴名字，每个名字会与本群成员匹配。</translation>
        </message>
        <message numerus="yes">
            <source>%n name(s) still need a decision: choose who it is or leave it out.</source>
            <translation>
                <numerusform>还有 %Ln 个名字需要处理：选择是哪位成员，或不计入。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Adjust gives %1 to %n member(s).</source>
            <translation>
                <numerusform>将为 %Ln 位成员各调整 %1 分。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) chosen; enter the points each gets.</source>
            <translation>
                <numerusform>已选 %Ln 位成员，请填写每人的分值。</numerusform>
            </translation>
        </message>
        <message>
            <source>Selected · not a member of the group now (%1)</source>
            <translation>已选 · 现在不是本群成员（%1）</translation>
        </message>
        <message>
            <source>Lines read as no name: %1.</source>
            <translation>未识别为名字的行：%1。</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform>等另外 %Ln 行</numerusform></translation>
        </message>
    </context>
</TS>
