<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CalendarHeatmap</name>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="100" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="172" />
            <source>Checked in</source>
            <translation>已打卡</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="102" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="108" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="174" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="178" />
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="104" />
            <location filename="../../ui/widgets/calendar_heatmap.py" line="175" />
            <source>No check-in</source>
            <translation>未打卡</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/widgets/calendar_heatmap.py" line="106" />
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%Ln 人打卡</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="176" />
            <source>Less</source>
            <translation>少</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/calendar_heatmap.py" line="176" />
            <source>More</source>
            <translation>多</translation>
        </message>
    </context>
    <context>
        <name>CheckinDayModel</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="104" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="105" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="106" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="107" />
            <location filename="../../ui/models/checkins_models.py" line="177" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="174" />
            <source>Late</source>
            <translation>补卡</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="181" />
            <source>Undo this check-in (Delete)</source>
            <translation>撤销这条打卡（Delete 键）</translation>
        </message>
        <message>
            <source>No time was written on the line; logged at %1</source>
            <translation>接龙里没有写时间；记录于 %1</translation>
        </message>
        <message>
            <source>Posted at %1; logged at %2</source>
            <translation>打卡时间 %1；记录于 %2</translation>
        </message>
    </context>
    <context>
        <name>CheckinSource</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="111" />
            <source>Typed</source>
            <translation>手动</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="112" />
            <source>Pasted chat</source>
            <translation>粘贴接龙</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="113" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
    </context>
    <context>
        <name>CheckinsPage</name>
        <message>
            <source>checked in %1</source>
            <translation>已打卡 %1</translation>
        </message>
        <message>
            <source>checked in</source>
            <translation>已打卡</translation>
        </message>
        <message>
            <source>Most times in this chain are still to come today: it looks like the chain of %1, but you are logging %2. Which day is it for?</source>
            <translation>接龙里的时间大多还没到，像是 %1 的接龙，但你正在记录 %2 的打卡。这是哪一天的？</translation>
        </message>
        <message>
            <source>A chain here is titled with another group's name, %1: its lines are not logged here.</source>
            <translation>这里有接龙的标题写的是另一个群的名字%1，它的各行不会记到本群。</translation>
        </message>
        <message>
            <source>They are this group's: log them here</source>
            <translation>是本群的：记到本群</translation>
        </message>
        <message numerus="yes">
            <source>%n other line(s)</source>
            <translation>
                <numerusform>其他 %Ln 行</numerusform>
            </translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>chat or footer, no name</source>
            <translation>聊天或结尾，没有名字</translation>
        </message>
        <message>
            <source>message of line %1</source>
            <translation>第%1行的消息</translation>
        </message>
        <message>
            <source>system notice or quote</source>
            <translation>系统消息或引用</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>没有名字</translation>
        </message>
        <message>
            <source>Line %1: %2 — %3</source>
            <translation>第 %1 行：%2 — %3</translation>
        </message>
        <message numerus="yes">
            <source>%n not check-in(s)</source>
            <translation>
                <numerusform>%Ln 条不是打卡</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="288" />
            <source>Logging check-ins</source>
            <translation>正在记录打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="288" />
            <source>Logging the pasted check-ins…</source>
            <translation>正在记录粘贴的打卡…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="297" />
            <location filename="../../ui/pages/checkins_page.py" line="635" />
            <location filename="../../ui/pages/checkins_page.py" line="645" />
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="309" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="314" />
            <source>Leave…</source>
            <translation>请假…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="315" />
            <source>Record leave (请假) for a member</source>
            <translation>为成员登记请假</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="321" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="343" />
            <source>Name, nickname, WeChat ID or pinyin (zs) ↵</source>
            <translation>输入姓名、昵称、微信号或拼音（zs），回车打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="344" />
            <source>Quick entry (Ctrl+F)</source>
            <translation>快速打卡（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="394" />
            <source>Click a name to check them in</source>
            <translation>点击姓名即可打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="429" />
            <source>Paste chat</source>
            <translation>粘贴接龙</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="431" />
            <source>a 接龙 chain or chat lines; Ctrl+Enter logs</source>
            <translation>接龙或聊天记录均可；Ctrl+Enter 确认打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="437" />
            <source>Paste a WeChat chain here, e.g.
#接龙
早起打卡 11月22日
1. 张三 5:58
2. 李四 6:03</source>
            <translation>把微信群里的接龙粘贴到这里，例如：
#接龙
早起打卡 11月22日
1. 张三 5:58
2. 李四 6:03</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="446" />
            <source>Match</source>
            <translation>识别</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="447" />
            <source>Find the names of the pasted text in the group</source>
            <translation>在本群成员中识别粘贴内容里的姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="449" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="457" />
            <source>Log the matched and chosen lines in one go (Ctrl+Enter)</source>
            <translation>一次记录已匹配和已选择的行（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="518" />
            <source>Whole group</source>
            <translation>查看全群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="519" />
            <source>Show the group's calendar again</source>
            <translation>重新显示全群的打卡日历</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="550" />
            <source>Pick a group on the left to log its check-ins.</source>
            <translation>请先在左侧选择一个社群，再开始打卡。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="645" />
            <source>Check-ins · %1</source>
            <translation>打卡 · %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="698" />
            <source>Checked in today: %n</source>
            <translation>
                <numerusform>今日已打卡 %Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="701" />
            <source>Checked in on %1: %n</source>
            <translation>
                <numerusform>%1 已打卡 %Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="703" />
            <source>Not yet: %n</source>
            <translation>
                <numerusform>未打卡 %Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="705" />
            <source>on leave: %n</source>
            <translation>
                <numerusform>请假 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="707" />
            <source>everyone is in</source>
            <translation>全员已打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="710" />
            <source>On leave: %1</source>
            <translation>请假：%1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="920" />
            <source>“%1” is not a member of this group: %2</source>
            <translation>「%1」不是本群成员：%2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="752" />
            <location filename="../../ui/pages/checkins_page.py" line="814" />
            <source>Nobody in this group matches “%1”</source>
            <translation>本群没有找到「%1」</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="817" />
            <source>%n people match “%1”: pick one with ↓ and press Enter</source>
            <translation>
                <numerusform>有 %Ln 人符合「%1」：按 ↓ 选择后回车</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="857" />
            <source>%n-day streak</source>
            <translation>
                <numerusform>连续 %Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="859" />
            <source>%1 ✓ %n-day streak</source>
            <translation>
                <numerusform>%1 ✓ 连续 %Ln 天</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="863" />
            <source>%1 had already checked in</source>
            <translation>%1 已经打过卡了</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1011" />
            <source>streak bonus +%1 points</source>
            <translation>连续打卡奖励 +%1 分</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="907" />
            <source>Undone: %1's check-in</source>
            <translation>已撤销 %1 的打卡</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="909" />
            <source>Undone: %n check-in(s)</source>
            <translation>
                <numerusform>已撤销 %Ln 条打卡</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1172" />
            <source>%1: no check-in on %2 any more (someone else undid it), nothing to undo.</source>
            <translation>%1：%2 的打卡已不在（已被他人撤销），无需撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1206" />
            <source>Leave recorded: %1, %2 to %3</source>
            <translation>已登记请假：%1，%2 至 %3</translation>
        </message>
        <message>
            <source>(this group only; also in %1: record it there too if it is for every group)</source>
            <translation>（只记在本群；Ta 也在 %1，如果各群都请假，请在那里也登记）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="957" />
            <source>Leave recorded</source>
            <translation>已登记请假</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1052" />
            <source>Paste, then check the preview</source>
            <translation>粘贴后在下方核对识别结果</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1054" />
            <source>No names found in the text</source>
            <translation>文本中没有找到姓名</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1057" />
            <source>%1 matched</source>
            <translation>已匹配 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1414" />
            <source>not logged: %1 (Ctrl+Z in the paste box brings the chain back)</source>
            <translation>未记录：%1（在粘贴框按 Ctrl+Z 可找回这条接龙）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1059" />
            <source>%1 to choose</source>
            <translation>待选择 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1061" />
            <source>%1 unmatched</source>
            <translation>未匹配 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1063" />
            <source>%1 already in</source>
            <translation>已打卡 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1065" />
            <source>%1 duplicate</source>
            <translation>重复 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1067" />
            <source>%1 skipped</source>
            <translation>跳过 %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1068" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1070" />
            <source>Log %n check-in(s)</source>
            <translation>
                <numerusform>确认打卡 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1115" />
            <source>Logging…</source>
            <translation>正在记录…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1136" />
            <source>Cancelled: nothing was logged</source>
            <translation>已取消，没有记录任何打卡</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1139" />
            <source>Logged %n check-in(s)</source>
            <translation>
                <numerusform>已记录 %Ln 人打卡</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1141" />
            <source>%n had already checked in</source>
            <translation>
                <numerusform>%Ln 人此前已打卡</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1143" />
            <source>%n new member(s) added</source>
            <translation>
                <numerusform>新增成员 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1180" />
            <source>%1 · check-ins per day, last 6 months</source>
            <translation>%1 · 近半年每日打卡</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1184" />
            <source>Average over the last 30 days: %1 a day</source>
            <translation>近 30 天日均打卡 %1 人</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1187" />
            <source>Busiest day: %1 (%2)</source>
            <translation>打卡最多的一天：%1（%2 人）</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1191" />
            <source>Select someone in the day's list to see their calendar.</source>
            <translation>在左侧打卡列表中选中某人，可查看其个人打卡日历。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/checkins_page.py" line="1197" />
            <source>%1 · check-in calendar</source>
            <translation>%1 · 个人打卡日历</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1200" />
            <source>Current streak: %n day(s)</source>
            <translation>
                <numerusform>当前连续 %Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1201" />
            <source>Longest streak: %n day(s)</source>
            <translation>
                <numerusform>最长连续 %Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1202" />
            <source>Checked in on %n day(s) in the last 6 months</source>
            <translation>
                <numerusform>近半年打卡 %Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1205" />
            <source>On leave: %n day(s)</source>
            <translation>
                <numerusform>请假 %Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/checkins_page.py" line="1207" />
            <source>Late check-ins: %n</source>
            <translation>
                <numerusform>补卡 %Ln 次</numerusform>
            </translation>
        </message>
        <message>
            <source>The day the check-ins are for. Logging an earlier day is not late (补卡) by itself.</source>
            <translation>这些打卡属于哪一天。给之前的日期记录打卡本身不算补卡。</translation>
        </message>
        <message>
            <source>Earlier day</source>
            <translation>往日</translation>
        </message>
        <message>
            <source>补卡 (late)</source>
            <translation>补卡</translation>
        </message>
        <message>
            <source>Mark what you log now as 补卡: the member checked in after the day was over. Lines of a paste that say 补卡 are marked by themselves.</source>
            <translation>把现在记录的打卡标为补卡：成员在当天结束后才打卡。粘贴内容里写了“补卡”的行会自动标记。</translation>
        </message>
        <message>
            <source>The paste box was emptied: you switched group (Ctrl+Z in the box brings it back)</source>
            <translation>已清空粘贴框：你切换了社群（在粘贴框里按 Ctrl+Z 可恢复）</translation>
        </message>
        <message>
            <source>You are logging check-ins for %1, marked 补卡: the members checked in after the day.</source>
            <translation>正在为 %1 记录打卡，标为补卡：成员在当天结束后才打卡。</translation>
        </message>
        <message>
            <source>You are logging check-ins for %1, not today. They are on time (not 补卡) unless a line says 补卡 or you tick 补卡.</source>
            <translation>正在为 %1（不是今天）记录打卡。除非某行写了“补卡”或你勾选了补卡，这些打卡都算按时。</translation>
        </message>
        <message>
            <source>What you log now is marked 补卡 (late): the members checked in after the day was over.</source>
            <translation>现在记录的打卡会标为补卡：成员在当天结束后才打卡。</translation>
        </message>
        <message>
            <source>%1 ✓ 补卡 for %2</source>
            <translation>%1 ✓ 已补卡 %2</translation>
        </message>
        <message>
            <source>%1 ✓ checked in for %2</source>
            <translation>%1 ✓ 已记 %2 打卡</translation>
        </message>
        <message>
            <source>This chain is dated %1, but you are logging %2. Which day is it for?</source>
            <translation>这个接龙标题写的是 %1，而你正在记录 %2。它属于哪一天？</translation>
        </message>
        <message>
            <source>Log it for %1</source>
            <translation>记到 %1</translation>
        </message>
        <message>
            <source>Keep %1</source>
            <translation>仍记到 %1</translation>
        </message>
        <message>
            <source>The text, group or day changed: matching again…</source>
            <translation>文字、社群或日期已变：正在重新匹配…</translation>
        </message>
        <message>
            <source>Choose the day first (the chain's title names another day)</source>
            <translation>请先选择日期（接龙标题写的是另一天）</translation>
        </message>
        <message numerus="yes">
            <source>%n not member(s)</source>
            <translation>
                <numerusform>非成员 %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 on leave</source>
            <translation>请假 %1</translation>
        </message>
        <message>
            <source>%1 of another day</source>
            <translation>其他日期 %1</translation>
        </message>
        <message>
            <source>The preview was out of date and was matched again: check it, then log</source>
            <translation>预览已过期，已重新匹配：请检查后再记录</translation>
        </message>
        <message>
            <source>Choose the day first: the chain's title names another day</source>
            <translation>请先选择日期：接龙标题写的是另一天</translation>
        </message>
        <message numerus="yes">
            <source>%n for %1</source>
            <translation>
                <numerusform>%1 %Ln 人</numerusform>
            </translation>
        </message>
        <message>
            <source>for %1</source>
            <translation>日期 %1</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”: is this the right group?</source>
            <translation>这些名字大多是「%1」的成员：社群选对了吗？</translation>
        </message>
        <message>
            <source>The numbering starts again at 1 on line %1: another chain, without its title? It is logged for the chosen day</source>
            <translation>第%1行起编号重新从1开始：是另一条没有标题的接龙吗？它按所选日期记录</translation>
        </message>
        <message>
            <source>Copy reminder</source>
            <translation>复制未打卡提醒</translation>
        </message>
        <message>
            <source>Not checked in yet</source>
            <translation>未打卡提醒</translation>
        </message>
        <message>
            <source>Copy the list of who has not checked in on this day, to post in the group (@ by group nickname); the arrow opens a preview to edit it first</source>
            <translation>复制这一天还没打卡的名单，发到群里（按群昵称 @）；点箭头可先预览和修改</translation>
        </message>
        <message>
            <source>Drag to show or hide the calendar</source>
            <translation>拖动可显示或收起日历</translation>
        </message>
        <message>
            <source>The day is %1 again: %2 was the day of the last group's chain</source>
            <translation>日期已回到 %1：%2 是上一个社群接龙标题的日期</translation>
        </message>
        <message>
            <source>This chain's title names %1, a day that does not exist. Pick its day above, or keep %2.</source>
            <translation>这条接龙标题写的日期 %1 不存在。请在上方选择它的日期，或保留 %2。</translation>
        </message>
        <message>
            <source>the date and the weekday beside it are different days</source>
            <translation>日期和旁边写的星期不是同一天</translation>
        </message>
        <message>
            <source>a lunar calendar day, which QunDesk does not turn into a date</source>
            <translation>是农历的日子，QunDesk 不会换算成公历日期</translation>
        </message>
        <message>
            <source>a holiday of several days</source>
            <translation>是好几天的假期</translation>
        </message>
        <message>
            <source>a weekend is a Saturday and a Sunday</source>
            <translation>周末有周六和周日两天</translation>
        </message>
        <message>
            <source>This chain's title says %1, which is not one day QunDesk can tell (%3). Pick its day above, or keep %2.</source>
            <translation>这条接龙标题写的 %1 不能确定是哪一天（%3）。请在上方选择它的日期，或保留 %2。</translation>
        </message>
        <message>
            <source>The pasted chain came with you to this group: check the preview, then log</source>
            <translation>粘贴的接龙已随你来到这个群：请核对预览后再记录</translation>
        </message>
        <message>
            <source>Most of these names are members of “%1”, not of this group: was the chain pasted into the wrong group? Nothing is logged until you say.</source>
            <translation>这些名字大多是「%1」的成员，不是本群的：接龙是不是贴错了群？你确认之前不会记录。</translation>
        </message>
        <message>
            <source>Go to “%1” with this paste</source>
            <translation>带着这段接龙去「%1」</translation>
        </message>
        <message>
            <source>Say first whether these lines are this group's (most names are members of “%1”)</source>
            <translation>请先确认这些行是否属于本群（大多数名字是「%1」的成员）</translation>
        </message>
        <message>
            <source>Take back the check-ins this paste logged, in one go (those already in before stay)</source>
            <translation>一次撤销这次粘贴记录的打卡（之前已有的打卡保留）</translation>
        </message>
        <message numerus="yes">
            <source>Undo this paste (%n)</source>
            <translation>
                <numerusform>撤销这次粘贴（%Ln）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undone: the %n check-in(s) the last paste logged</source>
            <translation>
                <numerusform>已撤销上次粘贴记录的 %Ln 条打卡</numerusform>
            </translation>
        </message>
        <message>
            <source>A new day: the date moved on to %1 (it showed the day before)</source>
            <translation>新的一天：日期已换到 %1（之前显示的是前一天）</translation>
        </message>
        <message>
            <source>day and month in digits that read both ways round, day first or month first, and both are recent days</source>
            <translation>数字写的日和月可以有两种读法 (日/月 还是 月/日), 两个都是最近的日子</translation>
        </message>
        <message>
            <source>in English it can mean two days: the one just gone, or the one of last week</source>
            <translation>在英语里可以指两天: 刚过去的那天, 或上周的那天</translation>
        </message>
        <message>
            <source>a holiday whose date moves from year to year, and between countries</source>
            <translation>是日期每年都变的节日 (各国也不同)</translation>
        </message>
        <message>
            <source>the date and the camp day, counted from the camp's first day, are different days</source>
            <translation>日期和营期第几天（从开营日算起）不是同一天</translation>
        </message>
        <message>
            <source>no day of the camp: before its first day, or beyond its length</source>
            <translation>不是营期里的一天：在开营日之前，或超出营期天数</translation>
        </message>
        <message>
            <source>This chain's title says %3, which is %1 counted from the camp's first day, but you are logging %2. Which day is it for?</source>
            <translation>接龙标题写的是 %3，从开营日算起是 %1，但你正在记录 %2。这条接龙是哪一天的？</translation>
        </message>
        <message>
            <source>The title says %1: it is logged for the chosen day. Set the camp's first day in the group's profile and the camp day names the date</source>
            <translation>标题写的是 %1：按所选日期记录。在社群资料里设置开营日后，营期天数就能确定日期</translation>
        </message>
        <message numerus="yes">
            <source>Undo the paste in %1 (%n)</source>
            <translation>
                <numerusform>撤销在 %1 的那次粘贴（%Ln）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Undone: the %n check-in(s) the last paste logged in %1</source>
            <translation>
                <numerusform>已撤销上次粘贴在 %1 记录的 %Ln 条打卡</numerusform>
            </translation>
        </message>
        <message>
            <source>kept: %1 (logged again since, by hand or another paste)</source>
            <translation>保留：%1（之后又手动或由另一次粘贴记录过）</translation>
        </message>
        <message>
            <source>%1: no check-in any more (someone else undid it)</source>
            <translation>%1：已没有打卡（别人已撤销）</translation>
        </message>
        <message>
            <source>not undone: %1 (merged into another record of the person since: undo that check-in in the day's list)</source>
            <translation>未撤销：%1（之后已合并到此人的另一条记录，请在当天列表中撤销那条打卡）</translation>
        </message>
        <message>
            <source>Nothing of the last paste was undone</source>
            <translation>上次粘贴的打卡均未撤销</translation>
        </message>
        <message>
            <source>taken off the roster: %1 (added by this paste)</source>
            <translation>已从名册移除：%1（由这次粘贴新增）</translation>
        </message>
        <message>
            <source>added by this paste, kept on the roster: %1 (recorded on since)</source>
            <translation>由这次粘贴新增、仍留在名册：%1（之后已有记录）</translation>
        </message>
        <message>
            <source>added by this paste, kept on the roster: %1 (only an owner or an admin can delete members)</source>
            <translation>由这次粘贴新增、仍留在名册：%1（只有群主或管理员可以删除成员）</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="54" />
            <source>Leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="71" />
            <source>e.g. travelling, ill, exams</source>
            <translation>例如：出差、生病、考试</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="73" />
            <source>Leave days neither break a streak nor count against the check-in rate.</source>
            <translation>请假期间不会中断连续打卡，也不计入打卡率。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="82" />
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="83" />
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="84" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="88" />
            <source>Record leave</source>
            <translation>登记请假</translation>
        </message>
        <message>
            <source>Recorded leave</source>
            <translation>已登记的请假</translation>
        </message>
        <message>
            <source>Remove this leave</source>
            <translation>删除这条请假</translation>
        </message>
        <message>
            <source>Leave removed: %1, %2 to %3.</source>
            <translation>已删除请假: %1, %2 至 %3。</translation>
        </message>
        <message numerus="yes">
            <source>%n place(s) at activities of those days that the leave excused are absent again.</source>
            <translation>
                <numerusform>这几天的活动中有 %Ln 个名额是这条请假记为请假的, 已改回缺席。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s) at activities of those days stay excused: change them on the Activities page if the member did not send word.</source>
            <translation>
                <numerusform>这几天的活动中有 %Ln 个名额仍记为请假: 如果成员并没有请假, 请在活动页修改。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="89" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/leave_dialog.py" line="93" />
            <source>Member</source>
            <translation>成员</translation>
        </message>
    </context>
    <context>
        <name>MatchHow</name>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="250" />
            <source>same name</source>
            <translation>同名</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="251" />
            <source>nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="252" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="253" />
            <source>pinyin</source>
            <translation>拼音</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="254" />
            <source>similar</source>
            <translation>模糊</translation>
        </message>
        <message>
            <source>group nickname</source>
            <translation>群昵称</translation>
        </message>
        <message>
            <source>name before a recent rename</source>
            <translation>近期改名前的名字</translation>
        </message>
        <message>
            <source>name of a record merged into theirs</source>
            <translation>合并前另一条记录的名字</translation>
        </message>
    </context>
    <context>
        <name>MemberPickerDialog</name>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="17" />
            <source>Pick a member</source>
            <translation>选择成员</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="24" />
            <source>Who is “%1” in the chat?</source>
            <translation>聊天中的「%1」是谁？</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="32" />
            <source>Choose</source>
            <translation>选择</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_picker_dialog.py" line="33" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>MemberSearchList</name>
        <message>
            <location filename="../../ui/widgets/member_search.py" line="38" />
            <source>Name, nickname, WeChat ID or pinyin (zs)</source>
            <translation>姓名、昵称、微信号或拼音（zs）</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/member_search.py" line="95" />
            <source>The first %1 shown: more members match — type more of the name</source>
            <translation>只显示前 %1 位：还有更多成员符合，请多输入几个字</translation>
        </message>
        <message>
            <source>phone …%1</source>
            <translation>手机尾号 %1</translation>
        </message>
        <message>
            <source>joined %1</source>
            <translation>%1 入群</translation>
        </message>
        <message numerus="yes">
            <source>%n members may be meant: choose one.</source>
            <translation>
                <numerusform>可能是 %Ln 位成员中的一位：请选择是哪一位。</numerusform>
            </translation>
        </message>
        <message>
            <source>formerly %1</source>
            <translation>曾用名 %1</translation>
        </message>
    </context>
    <context>
        <name>PastePreviewModel</name>
        <message>
            <source>A message addressed to someone (@…): a reminder, or a check-in for them. Choose who checked in, or Skip.</source>
            <translation>这条消息@了别人：可能是提醒，也可能是替人打卡。请选择谁打了卡，或跳过。</translation>
        </message>
        <message>
            <source>The message says someone else checked in. Choose who checked in, or Skip.</source>
            <translation>这条消息说的是别人打了卡。请选择谁打了卡，或跳过。</translation>
        </message>
        <message>
            <source>Posted for someone else. Choose who checked in, or Skip.</source>
            <translation>替别人打的卡。请选择谁打了卡，或跳过。</translation>
        </message>
        <message>
            <source>%1 is on leave: not logged. Double-click or Enter records the leave.</source>
            <translation>%1 请假：不记打卡。双击或按回车可记录请假。</translation>
        </message>
        <message>
            <source>on line %1</source>
            <translation>第 %1 行已有</translation>
        </message>
        <message>
            <source>Already checked in: logged by %1 at %2 (%3)</source>
            <translation>已打卡：由 %1 于 %2 记录（%3）</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="209" />
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="210" />
            <source>Pasted text</source>
            <translation>原文</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="211" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="212" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="213" />
            <source>Check in as</source>
            <translation>打卡成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="426" />
            <location filename="../../ui/models/checkins_models.py" line="525" />
            <source>Choose…</source>
            <translation>请选择…</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="441" />
            <source>Pick a member…</source>
            <translation>选择成员…</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="442" />
            <location filename="../../ui/models/checkins_models.py" line="529" />
            <source>Add as new member</source>
            <translation>添加为新成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="444" />
            <source>Someone else…</source>
            <translation>其他成员…</translation>
        </message>
        <message>
            <source>Count it: %1</source>
            <translation>算作打卡：%1</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="445" />
            <location filename="../../ui/models/checkins_models.py" line="527" />
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="518" />
            <source>Same as line %1</source>
            <translation>同第 %1 行</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>补卡</source>
            <translation>补卡</translation>
        </message>
        <message>
            <source>Not logged (请假)</source>
            <translation>不记录（请假）</translation>
        </message>
        <message>
            <source>Not logged (another day)</source>
            <translation>不记录（其他日期）</translation>
        </message>
        <message>
            <source>This line belongs to %1</source>
            <translation>这一行属于 %1</translation>
        </message>
        <message>
            <source>The time written on the line (kept as the check-in's time)</source>
            <translation>这一行写的时间（作为打卡时间保存）</translation>
        </message>
        <message>
            <source>Not logged (请假 %1)</source>
            <translation>不记录（请假 %1）</translation>
        </message>
        <message>
            <source>Not logged (请假 %1, recorded)</source>
            <translation>不记录（请假 %1，已记录）</translation>
        </message>
        <message>
            <source>written by %1</source>
            <translation>（%1 代为告知）</translation>
        </message>
        <message numerus="yes">
            <source>Leave: not logged. %n members may be meant: double-click or Enter to choose whose leave to record.</source>
            <translation>
                <numerusform>请假：不记打卡。可能是 %Ln 位成员中的一位：双击或按回车选择为谁记录请假。</numerusform>
            </translation>
        </message>
        <message>
            <source>Refers to another line (同上, 我也是, ditto) and names nobody. Pick whose check-in it is, or Skip.</source>
            <translation>指的是别人的那一行(同上、我也是、ditto), 没写是谁。请选择是谁的打卡, 或跳过。</translation>
        </message>
        <message>
            <source>Only said +1 or 同上 under someone's check-in. Count it as their check-in, or Skip.</source>
            <translation>在别人的打卡下只说了 +1 或「同上」。如也打了卡请选择其本人，或跳过。</translation>
        </message>
        <message>
            <source>A make-up of an earlier day with a check mark beside it: the mark may be this day's check-in or the make-up's own. Keep each row that happened, or Skip.</source>
            <translation>补以前某天的卡, 旁边还有打卡标记: 这个标记可能是当天的打卡, 也可能只是补卡本身。确有其事的每一行请保留, 否则跳过。</translation>
        </message>
        <message>
            <source>This day's check-in, and a make-up besides of a day the line does not say (not logged: log it on that day). Keep this day's check-in, or Skip.</source>
            <translation>当天的打卡, 另外顺便补了一天的卡但没写是哪一天 (补卡未记录: 请在那一天另行记录)。保留当天的打卡, 或跳过。</translation>
        </message>
        <message>
            <source>Only %1's check-in is logged: the family beside them (%2) is nobody on the roster.</source>
            <translation>只记了 %1 的打卡：同行的家人（%2）不在名册上，未记录。</translation>
        </message>
    </context>
    <context>
        <name>PasteStatus</name>
        <message>
            <source>Written outside the chain: not counted as a check-in</source>
            <translation>写在接龙外面，未记为打卡</translation>
        </message>
        <message>
            <source>Not sure yet, or on the waiting list: not signed up</source>
            <translation>待定或候补，未报名</translation>
        </message>
        <message>
            <source>Not a check-in</source>
            <translation>不是打卡</translation>
        </message>
        <message>
            <source>A quoted message</source>
            <translation>引用的消息</translation>
        </message>
        <message>
            <source>A system notice</source>
            <translation>系统消息</translation>
        </message>
        <message>
            <source>An @mention</source>
            <translation>@提到某人</translation>
        </message>
        <message>
            <source>Only a reply (收到, 好的, 谢谢…): not counted as a check-in</source>
            <translation>只是回复（收到、好的、谢谢…），未记为打卡</translation>
        </message>
        <message>
            <source>A question about checking in</source>
            <translation>问的是打卡，不是打卡</translation>
        </message>
        <message>
            <source>Says not checked in, or a reminder</source>
            <translation>说没打卡或提醒打卡</translation>
        </message>
        <message>
            <source>Took the sign-up back</source>
            <translation>取消了报名</translation>
        </message>
        <message>
            <source>A sign-up in a 明日预告 (preview), not a check-in</source>
            <translation>明日预告里的报名，不是打卡</translation>
        </message>
        <message>
            <source>The day it makes up does not exist: not logged</source>
            <translation>补卡的日期不存在（如 2月没有29号），未记录</translation>
        </message>
        <message>
            <source>Makes up a camp day by number; the chain's title names no camp day: not logged</source>
            <translation>补的是营期第几天，但接龙标题没写今天是第几天：不知道是哪一天，未记录</translation>
        </message>
        <message>
            <source>No check-in keyword (%1): not counted as a check-in</source>
            <translation>不含打卡关键词「%1」，未记为打卡</translation>
        </message>
        <message>
            <source>Talks about checking in (starts tomorrow, a link): not a check-in</source>
            <translation>说的是打卡这件事（明天开始、打卡链接），不是打卡</translation>
        </message>
        <message>
            <source>Chain of another group: %1</source>
            <translation>另一个群的接龙：%1</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="226" />
            <source>Matched</source>
            <translation>已匹配</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="227" />
            <source>Choose</source>
            <translation>需选择</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="228" />
            <source>Unmatched</source>
            <translation>未匹配</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="229" />
            <source>Duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="230" />
            <source>Already checked in</source>
            <translation>已打卡</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="235" />
            <source>Chosen</source>
            <translation>已选择</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="236" />
            <source>New member</source>
            <translation>新成员</translation>
        </message>
        <message>
            <location filename="../../ui/models/checkins_models.py" line="237" />
            <source>Skipped</source>
            <translation>已跳过</translation>
        </message>
        <message>
            <source>Not a member</source>
            <translation>非成员</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Another day</source>
            <translation>其他日期</translation>
        </message>
        <message>
            <source>A notice to everyone (@所有人): not a check-in</source>
            <translation>@所有人 的群通知, 不是打卡</translation>
        </message>
        <message>
            <source>Makes up a day written in words that name no one day (a weekend, a lunar date): not logged</source>
            <translation>补的日子不能确定是哪一天（如周末、农历日期），未记录</translation>
        </message>
        <message>
            <source>Makes up a camp day that is no day of the camp (before its first day or after its last): not logged</source>
            <translation>补的营期天数不在营期之内（开营日之前或营期结束之后），未记录</translation>
        </message>
        <message>
            <source>Sent this chain (接龙) message: not a check-in by itself, the chain's lines are</source>
            <translation>发出这条接龙的消息, 本身不算打卡, 接龙里的名字才算</translation>
        </message>
        <message>
            <source>The list says they did not come: not marked attended</source>
            <translation>名单上写着没来：未记为出席</translation>
        </message>
        <message>
            <source>Written outside the chain: not a sign-up by itself</source>
            <translation>写在接龙外面：本身不算报名</translation>
        </message>
        <message>
            <source>Beyond the places the chain gives (限N人): waiting, not signed up</source>
            <translation>超出接龙的限额（限N人）：候补，未报名</translation>
        </message>
    </context>
</TS>
