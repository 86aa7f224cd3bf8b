<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ChatImportDialog</name>
        <message>
            <source>Times are as the exporting computer wrote them; this computer is set to %1, the community to %2: if it was exported here, check its days</source>
            <translation>Times are as the exporting computer wrote them; this computer is set to %1, the community to %2: if it was exported here, check its days</translation>
        </message>
        <message>
            <source> (times read in %1)</source>
            <translation> (times read in %1)</translation>
        </message>
        <message>
            <source>%1; looks like %2</source>
            <translation>%1; looks like %2</translation>
        </message>
        <message>
            <source>Same name as %1, another ID</source>
            <translation>Same name as %1, another ID</translation>
        </message>
        <message>
            <source>This export is of the group “%1”, not “%2”. Import it into “%2” only if that is right.</source>
            <translation>This export is of the group “%1”, not “%2”. Import it into “%2” only if that is right.</translation>
        </message>
        <message>
            <source>%1 — a member since %2, unchanged</source>
            <translation>%1 — a member since %2, unchanged</translation>
        </message>
        <message>
            <source>Another group?</source>
            <translation>Another group?</translation>
        </message>
        <message>
            <source>This export is of the group “%1”, not “%2”.</source>
            <translation>This export is of the group “%1”, not “%2”.</translation>
        </message>
        <message>
            <source>Import it into “%1” only if it really is this group's chat (renamed, for example).</source>
            <translation>Import it into “%1” only if it really is this group's chat (renamed, for example).</translation>
        </message>
        <message>
            <source>Import into “%1”</source>
            <translation>Import into “%1”</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Import a chat history</source>
            <translation>Import a chat history</translation>
        </message>
        <message>
            <source>Chat history</source>
            <translation>Chat history</translation>
        </message>
        <message>
            <source>Reading the chat export…</source>
            <translation>Reading the chat export…</translation>
        </message>
        <message>
            <source>Exports of 留痕 (WeChatMsg), PyWxDump, WeFlow, ChatLab or QQ's own 消息记录. QunDesk counts who spoke on which day, finds check-ins, joins and removals — it never stores what was said.</source>
            <translation>Exports of 留痕 (WeChatMsg), PyWxDump, WeFlow, ChatLab or QQ's own 消息记录. QunDesk counts who spoke on which day, finds check-ins, joins and removals — it never stores what was said.</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>No file chosen</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Choose a chat export to see what it holds.</source>
            <translation>Choose a chat export to see what it holds.</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Through</source>
            <translation>Through</translation>
        </message>
        <message>
            <source>On the roster</source>
            <translation>On the roster</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>Senders</source>
            <translation>Senders</translation>
        </message>
        <message>
            <source>Joins and removals</source>
            <translation>Joins and removals</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Choose a chat export</source>
            <translation>Choose a chat export</translation>
        </message>
        <message>
            <source>Chat exports (*.csv *.txt *.html *.htm *.xlsx *.json *.jsonl);;All files (*)</source>
            <translation>Chat exports (*.csv *.txt *.html *.htm *.xlsx *.json *.jsonl);;All files (*)</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was read or written</source>
            <translation>Cancelled: nothing was read or written</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>Known</source>
            <translation>Known</translation>
        </message>
        <message>
            <source>Not on the roster</source>
            <translation>Not on the roster</translation>
        </message>
        <message>
            <source>Several members have this name</source>
            <translation>Several members have this name</translation>
        </message>
        <message>
            <source>Ignored</source>
            <translation>Ignored</translation>
        </message>
        <message>
            <source>Will be added</source>
            <translation>Will be added</translation>
        </message>
        <message>
            <source>Not counted</source>
            <translation>Not counted</translation>
        </message>
        <message>
            <source>It is %1</source>
            <translation>It is %1</translation>
        </message>
        <message>
            <source>A member… (pick)</source>
            <translation>A member… (pick)</translation>
        </message>
        <message>
            <source>Add as a new member</source>
            <translation>Add as a new member</translation>
        </message>
        <message>
            <source>Ignore this sender</source>
            <translation>Ignore this sender</translation>
        </message>
        <message numerus="yes">
            <source>Import (with %n decision(s))</source>
            <translation>
                <numerusform>Import (with %Ln decision)</numerusform>
                <numerusform>Import (with %Ln decisions)</numerusform>
            </translation>
        </message>
        <message>
            <source>joined</source>
            <translation>joined</translation>
        </message>
        <message>
            <source>joined by QR code</source>
            <translation>joined by QR code</translation>
        </message>
        <message>
            <source>not applied</source>
            <translation>not applied</translation>
        </message>
        <message>
            <source>— not on the roster</source>
            <translation>— not on the roster</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>removed</translation>
        </message>
        <message>
            <source>a message</source>
            <translation>a message</translation>
        </message>
        <message>
            <source>a 接龙</source>
            <translation>a 接龙</translation>
        </message>
        <message numerus="yes">
            <source>%n removal(s) need an owner or admin</source>
            <translation>
                <numerusform>%Ln removal need an owner or admin</numerusform>
                <numerusform>%Ln removals need an owner or admin</numerusform>
            </translation>
        </message>
        <message>
            <source>Add everyone not on the roster (senders and people who joined)</source>
            <translation>Add everyone not on the roster (senders and people who joined)</translation>
        </message>
        <message>
            <source>Like --add-unknown: each unknown sender becomes a member (WeChat ID = sender ID), and each person a join notice names joins on that day with their inviter, following the group's entry steps.</source>
            <translation>Like --add-unknown: each unknown sender becomes a member (WeChat ID = sender ID), and each person a join notice names joins on that day with their inviter, following the group's entry steps.</translation>
        </message>
        <message>
            <source>Who exported it…</source>
            <translation>Who exported it…</translation>
        </message>
        <message>
            <source>Notices such as 你邀请… name the person who exported the chat as 你 (you).</source>
            <translation>Notices such as 你邀请… name the person who exported the chat as 你 (you).</translation>
        </message>
        <message numerus="yes">
            <source>%n new member(s)</source>
            <translation>
                <numerusform>%Ln new member</numerusform>
                <numerusform>%Ln new members</numerusform>
            </translation>
        </message>
        <message>
            <source>Exported by %1</source>
            <translation>Exported by %1</translation>
        </message>
        <message>
            <source>Who exported it? Notices name them 你</source>
            <translation>Who exported it? Notices name them 你</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) from %1</source>
            <translation>
                <numerusform>%Ln message from %1</numerusform>
                <numerusform>%Ln messages from %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%Ln member</numerusform>
                <numerusform>%Ln members</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%Ln check-in</numerusform>
                <numerusform>%Ln check-ins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sender(s) to decide</source>
            <translation>
                <numerusform>%Ln sender to decide</numerusform>
                <numerusform>%Ln senders to decide</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) imported before, skipped</source>
            <translation>
                <numerusform>%Ln row imported before, skipped</numerusform>
                <numerusform>%Ln rows imported before, skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%Ln message</numerusform>
                <numerusform>%Ln messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n join(s)</source>
            <translation>
                <numerusform>%Ln join</numerusform>
                <numerusform>%Ln joins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n removal(s)</source>
            <translation>
                <numerusform>%Ln removal</numerusform>
                <numerusform>%Ln removals</numerusform>
            </translation>
        </message>
        <message>
            <source>%1, %2</source>
            <translation>%1, %2</translation>
        </message>
        <message>
            <source>Imported: %1, %2, %3</source>
            <translation>Imported: %1, %2, %3</translation>
        </message>
        <message>
            <source>left the group</source>
            <translation>left the group</translation>
        </message>
        <message>
            <source>%1 of the %2 senders of this export are not on the roster of “%3”: it may be another group's chat, or the roster does not know their chat names yet.</source>
            <translation>%1 of the %2 senders of this export are not on the roster of “%3”: it may be another group's chat, or the roster does not know their chat names yet.</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Like --record-leave: a 请假 message a member sent about themselves is recorded as their leave, for the days it says. Messages that name someone else, ask, or were taken back are only listed.</source>
            <translation>Like --record-leave: a 请假 message a member sent about themselves is recorded as their leave, for the days it says. Messages that name someone else, ask, or were taken back are only listed.</translation>
        </message>
        <message>
            <source>Leave (请假)</source>
            <translation>Leave (请假)</translation>
        </message>
        <message numerus="yes">
            <source>%n leave message(s)</source>
            <translation>
                <numerusform>%Ln leave message</numerusform>
                <numerusform>%Ln leave messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Record the %n leave(s) members asked for themselves</source>
            <translation>
                <numerusform>Record the %Ln leave a member asked for themselves</numerusform>
                <numerusform>Record the %Ln leaves members asked for themselves</numerusform>
            </translation>
        </message>
        <message>
            <source>names %1: record it in the leave dialog if it is theirs</source>
            <translation>names %1: record it in the leave dialog if it is theirs</translation>
        </message>
        <message>
            <source>a question: no leave</source>
            <translation>a question: no leave</translation>
        </message>
        <message>
            <source>a notice about leave: no leave</source>
            <translation>a notice about leave: no leave</translation>
        </message>
        <message>
            <source>a long message: record it in the leave dialog if it is a leave</source>
            <translation>a long message: record it in the leave dialog if it is a leave</translation>
        </message>
        <message>
            <source>the sender is not on the roster: not recorded</source>
            <translation>the sender is not on the roster: not recorded</translation>
        </message>
        <message>
            <source>taken back by a later message: not recorded</source>
            <translation>taken back by a later message: not recorded</translation>
        </message>
        <message>
            <source>recorded already</source>
            <translation>recorded already</translation>
        </message>
        <message>
            <source>takes a leave back</source>
            <translation>takes a leave back</translation>
        </message>
        <message>
            <source>will be recorded</source>
            <translation>will be recorded</translation>
        </message>
        <message>
            <source>not recorded: tick the box to record it</source>
            <translation>not recorded: tick the box to record it</translation>
        </message>
        <message numerus="yes">
            <source>%n leave(s) recorded</source>
            <translation>
                <numerusform>%Ln leave recorded</numerusform>
                <numerusform>%Ln leaves recorded</numerusform>
            </translation>
        </message>
        <message>
            <source>says %1, which is %2 counted from the camp's first day: logged for the day it was posted</source>
            <translation>says %1, which is %2 counted from the camp's first day: logged for the day it was posted</translation>
        </message>
        <message>
            <source>camp day</source>
            <translation>camp day</translation>
        </message>
        <message>
            <source>Only the exporter and %1 speak in this export: it looks like a private chat with %1, not the chat of “%2”.</source>
            <translation>Only the exporter and %1 speak in this export: it looks like a private chat with %1, not the chat of “%2”.</translation>
        </message>
        <message>
            <source>Only %1 and %2 speak in this export, with no group notice: it looks like a private chat, not the chat of “%3”.</source>
            <translation>Only %1 and %2 speak in this export, with no group notice: it looks like a private chat, not the chat of “%3”.</translation>
        </message>
    </context>
</TS>
