<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>PasteTextButton</name>
        <message>
            <source>Copy the text for the group; the arrow opens a preview to edit it first</source>
            <translation>复制发到群里的文案；点箭头可先预览和修改</translation>
        </message>
        <message>
            <source>Preview and edit…</source>
            <translation>预览并修改…</translation>
        </message>
        <message>
            <source>Copied ✓</source>
            <translation>已复制 ✓</translation>
        </message>
        <message>
            <source>Copied: paste it into the group chat</source>
            <translation>已复制，可以粘贴到群聊了</translation>
        </message>
    </context>
    <context>
        <name>TextPreviewDialog</name>
        <message>
            <source>Edit if you like, then copy and paste into the group.</source>
            <translation>可以先修改，再复制粘贴到群里。</translation>
        </message>
        <message numerus="yes">
            <source>Too long for one message: post these %n messages one after the other.</source>
            <translation>
                <numerusform>一条消息放不下：请依次发送这 %Ln 条消息。</numerusform>
            </translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Message %1 of %2</source>
            <translation>第 %1/%2 条消息</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy message %1</source>
            <translation>复制第 %1 条</translation>
        </message>
        <message>
            <source>%1 characters</source>
            <translation>%1 字</translation>
        </message>
        <message>
            <source>Longer than %1 characters: WeChat shows it folded</source>
            <translation>超过 %1 字：微信里会被折叠</translation>
        </message>
        <message>
            <source>Copied ✓</source>
            <translation>已复制 ✓</translation>
        </message>
    </context>
    <context>
        <name>TextTemplatesEditor</name>
        <message>
            <source>Not checked in yet (Check-ins page)</source>
            <translation>未打卡提醒（打卡页）</translation>
        </message>
        <message>
            <source>Welcome (member panel, Onboarding page)</source>
            <translation>欢迎词（成员面板、入群流程页）</translation>
        </message>
        <message>
            <source>Stalled reminder (Onboarding page)</source>
            <translation>入群停滞提醒（入群流程页）</translation>
        </message>
        <message>
            <source>Leaderboard (Points page)</source>
            <translation>积分榜（积分页）</translation>
        </message>
        <message>
            <source>Month summary (Dashboard)</source>
            <translation>月度小结（概览页）</translation>
        </message>
        <message>
            <source>the group's name</source>
            <translation>社群名称</translation>
        </message>
        <message>
            <source>the day, e.g. 11月20日</source>
            <translation>日期，如 11月20日</translation>
        </message>
        <message>
            <source>the weekday, e.g. 周五</source>
            <translation>星期，如 周五</translation>
        </message>
        <message>
            <source>how many people the list names</source>
            <translation>名单里的人数</translation>
        </message>
        <message>
            <source>how many have checked in</source>
            <translation>已打卡人数</translation>
        </message>
        <message>
            <source>how many are expected (members not on leave)</source>
            <translation>应打卡人数（不含请假）</translation>
        </message>
        <message>
            <source>who has not checked in: @group nickname, a few per line</source>
            <translation>未打卡名单：@群昵称，每行几个</translation>
        </message>
        <message>
            <source>the newcomer, as the group sees them</source>
            <translation>新人在群里显示的名字</translation>
        </message>
        <message>
            <source>the group's goal (profile)</source>
            <translation>社群目标（社群资料）</translation>
        </message>
        <message>
            <source>the first lines of the current rules</source>
            <translation>当前群规的前几行</translation>
        </message>
        <message>
            <source>the joining notice (profile)</source>
            <translation>入群须知（社群资料）</translation>
        </message>
        <message>
            <source>the entry steps still to do, numbered</source>
            <translation>还要完成的入群步骤（编号列出）</translation>
        </message>
        <message>
            <source>who runs the group (profile), else 群主或管理员</source>
            <translation>运营者（社群资料），未填写时为“群主或管理员”</translation>
        </message>
        <message>
            <source>the stalled threshold in days</source>
            <translation>停滞天数门槛</translation>
        </message>
        <message>
            <source>the list: one line per person</source>
            <translation>名单：每人一行</translation>
        </message>
        <message>
            <source>the month, e.g. 11月</source>
            <translation>月份，如 11月</translation>
        </message>
        <message>
            <source>leaderboard: how many are listed; summary: the month's top scorer</source>
            <translation>积分榜：上榜人数；月度小结：本月积分王</translation>
        </message>
        <message>
            <source>who reached a higher level this month</source>
            <translation>本月升级的成员</translation>
        </message>
        <message>
            <source>members at the end of the month</source>
            <translation>月末成员数</translation>
        </message>
        <message>
            <source>members at the end of last month</source>
            <translation>上月末成员数</translation>
        </message>
        <message>
            <source>members who took part this month</source>
            <translation>本月参与过的成员数</translation>
        </message>
        <message>
            <source>members who took part last month</source>
            <translation>上月参与过的成员数</translation>
        </message>
        <message>
            <source>check-ins this month</source>
            <translation>本月打卡次数</translation>
        </message>
        <message>
            <source>check-ins last month</source>
            <translation>上月打卡次数</translation>
        </message>
        <message>
            <source>check-in rate this month</source>
            <translation>本月打卡率</translation>
        </message>
        <message>
            <source>check-in rate last month</source>
            <translation>上月打卡率</translation>
        </message>
        <message>
            <source>people who joined this month</source>
            <translation>本月入群人数</translation>
        </message>
        <message>
            <source>people who left this month</source>
            <translation>本月离开人数</translation>
        </message>
        <message>
            <source>chat messages this month (empty without chat imports)</source>
            <translation>本月群聊发言数（未导入聊天记录时为空）</translation>
        </message>
        <message>
            <source>chat messages last month</source>
            <translation>上月群聊发言数</translation>
        </message>
        <message>
            <source>activities this month (empty when none either month)</source>
            <translation>本月活动场数（两个月都没有时为空）</translation>
        </message>
        <message>
            <source>activities last month</source>
            <translation>上月活动场数</translation>
        </message>
        <message>
            <source>points awarded this month</source>
            <translation>本月发出的积分</translation>
        </message>
        <message>
            <source>Back to the default</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文案</translation>
        </message>
        <message>
            <source>$name is replaced by its value; a line whose placeholders are all empty is left out; write $$ for a dollar sign.</source>
            <translation>$名称 会换成对应的内容；一行里的占位符全都为空时整行省略；美元符号请写 $$。</translation>
        </message>
        <message>
            <source>Double-click to insert at the cursor</source>
            <translation>双击插入到光标处</translation>
        </message>
        <message>
            <source>Placeholders</source>
            <translation>占位符</translation>
        </message>
        <message>
            <source>Preview with this group's facts</source>
            <translation>用本群的实际数据预览</translation>
        </message>
        <message>
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>this group's own</source>
            <translation>本群自定义</translation>
        </message>
        <message>
            <source>(Nothing to post today: %1)</source>
            <translation>（今天没有要发的内容：%1）</translation>
        </message>
    </context>
</TS>
