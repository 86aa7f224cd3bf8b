<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ChatImportDialog</name>
        <message>
            <source>Times are as the exporting computer wrote them; this computer is set to %1, the community to %2: if it was exported here, check its days</source>
            <translation>时间按导出电脑写的读取；本机时区是 %1，社群时区是 %2：若在本机导出，请核对日期</translation>
        </message>
        <message>
            <source> (times read in %1)</source>
            <translation>（时间按 %1 时区读取）</translation>
        </message>
        <message>
            <source>%1; looks like %2</source>
            <translation>%1；看起来像 %2</translation>
        </message>
        <message>
            <source>Same name as %1, another ID</source>
            <translation>与%1同名，但ID不同</translation>
        </message>
        <message>
            <source>This export is of the group “%1”, not “%2”. Import it into “%2” only if that is right.</source>
            <translation>这份聊天记录是“%1”的，不是“%2”的。确认无误才导入到“%2”。</translation>
        </message>
        <message>
            <source>%1 — a member since %2, unchanged</source>
            <translation>%1 — %2 起已是成员，记录不变</translation>
        </message>
        <message>
            <source>Another group?</source>
            <translation>是另一个群吗？</translation>
        </message>
        <message>
            <source>This export is of the group “%1”, not “%2”.</source>
            <translation>这份聊天记录是“%1”的，不是“%2”的。</translation>
        </message>
        <message>
            <source>Import it into “%1” only if it really is this group's chat (renamed, for example).</source>
            <translation>只有确实是这个群的记录（例如群改过名）才导入到“%1”。</translation>
        </message>
        <message>
            <source>Import into “%1”</source>
            <translation>导入到“%1”</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Import a chat history</source>
            <translation>导入群聊记录</translation>
        </message>
        <message>
            <source>Chat history</source>
            <translation>群聊记录</translation>
        </message>
        <message>
            <source>Reading the chat export…</source>
            <translation>正在读取聊天记录导出…</translation>
        </message>
        <message>
            <source>Exports of 留痕 (WeChatMsg), PyWxDump, WeFlow, ChatLab or QQ's own 消息记录. QunDesk counts who spoke on which day, finds check-ins, joins and removals — it never stores what was said.</source>
            <translation>支持 留痕 (WeChatMsg)、PyWxDump、WeFlow、ChatLab 导出的聊天记录和 QQ 自带的消息记录。社群助手统计每个人每天的发言，找出打卡、入群和移出——从不保存聊天内容。</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>社群</translation>
        </message>
        <message>
            <source>Choose a chat export to see what it holds.</source>
            <translation>选择一份聊天记录导出，先看看里面有什么。</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>发言人</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID 号</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>处理</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>谁</translation>
        </message>
        <message>
            <source>Through</source>
            <translation>经由</translation>
        </message>
        <message>
            <source>On the roster</source>
            <translation>名册中</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>成员</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Senders</source>
            <translation>发言人</translation>
        </message>
        <message>
            <source>Joins and removals</source>
            <translation>入群和移出</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Choose a chat export</source>
            <translation>选择聊天记录导出</translation>
        </message>
        <message>
            <source>Chat exports (*.csv *.txt *.html *.htm *.xlsx *.json *.jsonl);;All files (*)</source>
            <translation>聊天记录导出 (*.csv *.txt *.html *.htm *.xlsx *.json *.jsonl);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>读取中…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was read or written</source>
            <translation>已取消：没有读取或写入任何内容</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Known</source>
            <translation>已识别</translation>
        </message>
        <message>
            <source>Not on the roster</source>
            <translation>名册中没有</translation>
        </message>
        <message>
            <source>Several members have this name</source>
            <translation>多位成员同名</translation>
        </message>
        <message>
            <source>Ignored</source>
            <translation>已忽略</translation>
        </message>
        <message>
            <source>Will be added</source>
            <translation>将新增</translation>
        </message>
        <message>
            <source>Not counted</source>
            <translation>不计入</translation>
        </message>
        <message>
            <source>It is %1</source>
            <translation>是 %1</translation>
        </message>
        <message>
            <source>A member… (pick)</source>
            <translation>选择成员…</translation>
        </message>
        <message>
            <source>Add as a new member</source>
            <translation>新增为成员</translation>
        </message>
        <message>
            <source>Ignore this sender</source>
            <translation>忽略此发言人</translation>
        </message>
        <message numerus="yes">
            <source>Import (with %n decision(s))</source>
            <translation>
                <numerusform>导入（已处理 %Ln 位）</numerusform>
            </translation>
        </message>
        <message>
            <source>joined</source>
            <translation>入群</translation>
        </message>
        <message>
            <source>joined by QR code</source>
            <translation>扫码入群</translation>
        </message>
        <message>
            <source>not applied</source>
            <translation>未处理</translation>
        </message>
        <message>
            <source>— not on the roster</source>
            <translation>— 名册中没有</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>移出</translation>
        </message>
        <message>
            <source>a message</source>
            <translation>一条消息</translation>
        </message>
        <message>
            <source>a 接龙</source>
            <translation>接龙</translation>
        </message>
        <message numerus="yes">
            <source>%n removal(s) need an owner or admin</source>
            <translation>
                <numerusform>%Ln 个移出需要群主或管理员操作</numerusform>
            </translation>
        </message>
        <message>
            <source>Add everyone not on the roster (senders and people who joined)</source>
            <translation>把名册里没有的人都加为成员（发言人和入群的人）</translation>
        </message>
        <message>
            <source>Like --add-unknown: each unknown sender becomes a member (WeChat ID = sender ID), and each person a join notice names joins on that day with their inviter, following the group's entry steps.</source>
            <translation>与 --add-unknown 相同：每个未知发言人加为成员（微信号即发言人 ID）；入群通知里的人在当天入群，记下邀请人，并按本群的入群流程处理。</translation>
        </message>
        <message>
            <source>Who exported it…</source>
            <translation>谁导出的…</translation>
        </message>
        <message>
            <source>Notices such as 你邀请… name the person who exported the chat as 你 (you).</source>
            <translation>“你邀请…”这样的通知里，“你”是导出这份聊天记录的人。</translation>
        </message>
        <message numerus="yes">
            <source>%n new member(s)</source>
            <translation>
                <numerusform>将新增 %Ln 名成员</numerusform>
            </translation>
        </message>
        <message>
            <source>Exported by %1</source>
            <translation>导出人：%1</translation>
        </message>
        <message>
            <source>Who exported it? Notices name them 你</source>
            <translation>是谁导出的？通知里称其为“你”</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) from %1</source>
            <translation>
                <numerusform>%1的 %Ln 条消息</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln 位成员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%Ln 次打卡</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sender(s) to decide</source>
            <translation>
                <numerusform>%Ln 位发言人待处理</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) imported before, skipped</source>
            <translation>
                <numerusform>%Ln 行以前已导入，跳过</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%Ln 条消息</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n join(s)</source>
            <translation>
                <numerusform>入群 %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n removal(s)</source>
            <translation>
                <numerusform>移出 %Ln</numerusform>
            </translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1，%2</translation>
        </message>
        <message>
            <source>Imported: %1, %2, %3</source>
            <translation>已导入：%1，%2，%3</translation>
        </message>
        <message>
            <source>left the group</source>
            <translation>退群</translation>
        </message>
        <message>
            <source>%1 of the %2 senders of this export are not on the roster of “%3”: it may be another group's chat, or the roster does not know their chat names yet.</source>
            <translation>这份聊天记录的 %2 位发言人中有 %1 位不在「%3」的名册里：可能是别的群的聊天记录，也可能名册还不认识他们在群里的名字。</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>发送时间</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>请假日期</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Like --record-leave: a 请假 message a member sent about themselves is recorded as their leave, for the days it says. Messages that name someone else, ask, or were taken back are only listed.</source>
            <translation>同 --record-leave：成员为自己发的请假消息按其所说的日期记为请假。提到别人的、问句、之后取消的消息只列出，不记录。</translation>
        </message>
        <message>
            <source>Leave (请假)</source>
            <translation>请假</translation>
        </message>
        <message numerus="yes">
            <source>%n leave message(s)</source>
            <translation>
                <numerusform>%Ln 条请假消息</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Record the %n leave(s) members asked for themselves</source>
            <translation>
                <numerusform>记录成员本人请的 %Ln 次假</numerusform>
            </translation>
        </message>
        <message>
            <source>names %1: record it in the leave dialog if it is theirs</source>
            <translation>提到了 %1：如确是其请假，请在请假窗口记录</translation>
        </message>
        <message>
            <source>a question: no leave</source>
            <translation>是问句，不是请假</translation>
        </message>
        <message>
            <source>a notice about leave: no leave</source>
            <translation>是关于请假的通知，不是请假</translation>
        </message>
        <message>
            <source>a long message: record it in the leave dialog if it is a leave</source>
            <translation>消息较长：如确是请假，请在请假窗口记录</translation>
        </message>
        <message>
            <source>the sender is not on the roster: not recorded</source>
            <translation>发言人不在名册，未记录</translation>
        </message>
        <message>
            <source>taken back by a later message: not recorded</source>
            <translation>之后又取消了请假，未记录</translation>
        </message>
        <message>
            <source>recorded already</source>
            <translation>已记录</translation>
        </message>
        <message>
            <source>takes a leave back</source>
            <translation>取消请假</translation>
        </message>
        <message>
            <source>will be recorded</source>
            <translation>将记为请假</translation>
        </message>
        <message>
            <source>not recorded: tick the box to record it</source>
            <translation>未记录：勾选上方选项即可记录</translation>
        </message>
        <message numerus="yes">
            <source>%n leave(s) recorded</source>
            <translation>
                <numerusform>已记录 %Ln 次请假</numerusform>
            </translation>
        </message>
        <message>
            <source>says %1, which is %2 counted from the camp's first day: logged for the day it was posted</source>
            <translation>写的是 %1，按开营日算是 %2：按发消息的日子记录</translation>
        </message>
        <message>
            <source>camp day</source>
            <translation>营期天数</translation>
        </message>
        <message>
            <source>Only the exporter and %1 speak in this export: it looks like a private chat with %1, not the chat of “%2”.</source>
            <translation>这份聊天记录里只有导出者和 %1 发言, 像是与 %1 的私聊, 不是「%2」的群聊。</translation>
        </message>
        <message>
            <source>Only %1 and %2 speak in this export, with no group notice: it looks like a private chat, not the chat of “%3”.</source>
            <translation>这份聊天记录只有「%1」和「%2」两人发言, 没有一条群通知, 像是私聊记录, 不是「%3」的群聊。</translation>
        </message>
    </context>
</TS>
