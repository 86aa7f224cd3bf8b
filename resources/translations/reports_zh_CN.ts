<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ReportsPage</name>
        <message>
            <source>Replace the workbook?</source>
            <translation>替换这个工作簿？</translation>
        </message>
        <message>
            <source>%1 already exists (changed %2).</source>
            <translation>%1 已经存在（修改于 %2）。</translation>
        </message>
        <message>
            <source>Replace it with the new report? What was added to it by hand (in Excel or WPS) is lost.</source>
            <translation>用新的月报替换它吗？在 Excel 或 WPS 里手工添加的内容会丢失。</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>替换</translation>
        </message>
    <message>
      <source>Exporting</source>
      <translation>正在导出</translation>
    </message>
    <message>
      <source>Writing the workbook…</source>
      <translation>正在写入工作簿…</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>The monthly workbook has seven sheets: summary with charts, roster, check-in matrix, activities, points, entry progress and alerts.</source>
      <translation>月报工作簿共七张表：概览（含图表）、成员名册、打卡明细、活动、积分、入群进度和预警。</translation>
    </message>
    <message>
      <source>Full phone numbers (not masked)</source>
      <translation>完整手机号（不打码）</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Export monthly report</source>
      <translation>导出月报</translation>
    </message>
    <message>
      <source>Export roster…</source>
      <translation>导出名册…</translation>
    </message>
    <message>
      <source>One row per membership with every field, a file QunDesk can import again. Phone numbers are complete for an owner or admin and masked for an assistant.</source>
      <translation>每个入群记录一行、包含全部字段，可以再次导入社群助手。群主和管理员导出完整手机号，助理导出的手机号会打码。</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Open file</source>
      <translation>打开文件</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>月报</translation>
    </message>
    <message>
      <source>Groups</source>
      <translation>社群</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Header language</source>
      <translation>表头语言</translation>
    </message>
    <message>
      <source>Phone numbers</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>Save to</source>
      <translation>保存到</translation>
    </message>
    <message>
      <source>Recent exports</source>
      <translation>最近导出</translation>
    </message>
    <message>
      <source>Only the owner or an admin may export full phone numbers</source>
      <translation>只有群主或管理员可以导出完整手机号</translation>
    </message>
    <message>
      <source>Without this, phone numbers are written as 138****8000</source>
      <translation>不勾选时，手机号写成 138****8000 的形式</translation>
    </message>
    <message>
      <source>All groups</source>
      <translation>全部社群</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Save the monthly report as</source>
      <translation>月报另存为</translation>
    </message>
    <message>
      <source>Tick at least one group.</source>
      <translation>请至少勾选一个社群。</translation>
    </message>
    <message>
      <source>Choose where to save the workbook.</source>
      <translation>请选择工作簿的保存位置。</translation>
    </message>
    <message>
      <source>Save the roster as</source>
      <translation>名册另存为</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>正在写入 %1…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Monthly report written.</source>
      <translation>月报已导出。</translation>
    </message>
    <message numerus="yes">
      <source>Roster written: %n row(s).</source>
      <translation>
        <numerusform>名册已导出：%Ln 行。</numerusform>
      </translation>
    </message>
    <message>
      <source>In %1</source>
      <translation>位于 %1</translation>
    </message>
    <message>
      <source>Cancelled. Nothing was written.</source>
      <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
      <source>%1 (no longer there)</source>
      <translation>%1（文件已不在）</translation>
    </message>
    <message>
      <source>Nothing exported yet.</source>
      <translation>还没有导出过文件。</translation>
    </message>
    <message>
      <source>%1 was set up in QunDesk after this month: its check-ins, activity and rates for the month were never recorded, and the workbook's zeros are not measured.</source>
      <translation>%1 在这个月之后才在 QunDesk 建立：这个月的打卡、活跃和各项比率都没有记录，月报里的 0 不是实际情况。</translation>
    </message>
  </context>
</TS>