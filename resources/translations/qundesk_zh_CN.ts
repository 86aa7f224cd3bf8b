<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ExceptionDialog</name>
        <message>
            <location filename="../../ui/dialogs/exception_dialog.py" line="+23" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location line="+6" />
            <source>QunDesk ran into a problem it did not expect. Everything saved before this point is safe. Please copy the details below and send them to whoever looks after QunDesk for you.</source>
            <translation>社群助手遇到了一个意料之外的问题。此前保存的内容都安然无恙。请复制下面的详细信息，发给负责维护社群助手的人。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the details to the clipboard</source>
            <translation>把详细信息复制到剪贴板</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>%1 file</source>
            <translation>%1 文件</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../ui/dialogs/first_run_dialog.py" line="+72" />
            <location line="+1" />
            <source>Welcome to QunDesk</source>
            <translation>欢迎使用社群助手</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workspace is empty. Explore QunDesk with a demo workspace, or start with your own groups.</source>
            <translation>这个工作区还是空的。可以先用演示数据体验一下，也可以直接从你自己的社群开始。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create a demo workspace</source>
            <translation>创建演示工作区</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Start empty</source>
            <translation>从空白开始</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create your first group yourself (File ▸ New group…).</source>
            <translation>自己创建第一个社群（文件 ▸ 新建社群…）。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Creating the demo workspace…</source>
            <translation>正在创建演示工作区…</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The demo could not be created: %1</source>
            <translation>无法创建演示数据：%1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancelled. Nothing was written; the workspace is still empty.</source>
            <translation>已取消。没有写入任何数据，工作区仍是空的。</translation>
        </message>
        <message>
            <source>%1 groups and %2, all made up — some in two groups, some who only applied or left — with three months of check-ins, activities and points.</source>
            <translation>%1 个社群、%2，全是虚构的——有人同在两个群，也有只申请了或已退群的——附带三个月的打卡、活动和积分记录。</translation>
        </message>
    </context>
    <context>
        <name>GroupDialog</name>
        <message>
            <location filename="../../ui/dialogs/group_dialog.py" line="+52" />
            <source>New group</source>
            <translation>新建社群</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. Early risers, group 3</source>
            <translation>例如：早起打卡营 3 群</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A WeChat group holds at most 500 people</source>
            <translation>一个微信群最多容纳 500 人</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Threshold fee; a group with a fee gets a payment step in its entry process</source>
            <translation>门槛费；收费的社群在入群流程中会多一个缴费步骤</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What the group is for, in one sentence</source>
            <translation>用一句话说明这个群的目标和定位</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Threshold fee</source>
            <translation>门槛费</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Goal</source>
            <translation>目标</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New groups start with the standard entry process and point rules; you can change them later.</source>
            <translation>新社群默认使用标准入群流程和积分规则，之后可以随时修改。</translation>
        </message>
    </context>
    <context>
        <name>GroupKind</name>
        <message>
            <location line="-67" />
            <source>Product community</source>
            <translation>产品型社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Self-media community</source>
            <translation>自媒体型社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service community</source>
            <translation>服务型社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Brand community</source>
            <translation>品牌社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User community</source>
            <translation>用户社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Learning group</source>
            <translation>学习群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hobby group</source>
            <translation>兴趣群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Training camp</source>
            <translation>训练营</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>%1, row %2: %3</source>
            <translation>%1 第 %2 行：%3</translation>
        </message>
        <message numerus="yes">
            <source>Leave out the %n row(s) with problems and import the others</source>
            <translation>
                <numerusform>跳过有问题的 %Ln 行，导入其余各行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with problems left out (listed below).</source>
            <translation>
                <numerusform>已跳过 %Ln 个有问题的行（见下方列表）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referrer(s) not set: they named a row that was left out.</source>
            <translation>
                <numerusform>%Ln 个推荐人未设置：推荐人所在的行已跳过。</numerusform>
            </translation>
        </message>
        <message>
            <source>Left the group on</source>
            <translation>退群时间</translation>
        </message>
        <message>
            <source>Date of the status change</source>
            <translation>变动日期</translation>
        </message>
        <message>
            <source>QQ number</source>
            <translation>QQ号</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_dialog.py" line="+68" />
            <location line="+156" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="-155" />
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group nickname</source>
            <translation>群昵称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>入群日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>层级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrer</source>
            <translation>推荐人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose</source>
            <translation>进群目的</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Real-name verified</source>
            <translation>已实名认证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applied</source>
            <translation>申请日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose question step</source>
            <translation>进群目的问答</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entry fee paid (the fee step)</source>
            <translation>已缴门槛费（缴纳门槛费）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add</source>
            <translation>新增</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unchanged</source>
            <translation>无变化</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Problem</source>
            <translation>有问题</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changes or problems</source>
            <translation>变更或问题</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Import people</source>
            <translation>导入成员</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose an .xlsx or .csv file</source>
            <translation>选择 .xlsx 或 .csv 文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Roster (members)</source>
            <translation>成员名册（已入群）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applications (survey export)</source>
            <translation>入群申请（问卷导出）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Group name (a new name creates the group)</source>
            <translation>社群名称（填写新名称将创建该社群）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import as:</source>
            <translation>导入为：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Into group:</source>
            <translation>导入到社群：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+185" />
            <source>Check what each column holds; correct it where the guess is wrong.</source>
            <translation>请核对每一列对应的内容；识别有误的地方可以直接改正。</translation>
        </message>
        <message>
            <location line="-181" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Imports as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a file to see what will be imported.</source>
            <translation>选择文件后，这里会显示将要导入的内容。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only rows with problems</source>
            <translation>只看有问题的行</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Choose a file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spreadsheets (*.xlsx *.xlsm *.csv *.tsv);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.csv *.tsv);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Enter the group to import into.</source>
            <translation>请填写要导入到哪个社群。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Checking rows…</source>
            <translation>正在检查各行…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Survey questions are recognised by their wording; every other answer is kept on the note.</source>
            <translation>问卷题目按字面识别；其余回答都会保存在备注里。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(no header)</source>
            <translation>（无表头）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 to add</source>
            <translation>新增 %1 人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 to update</source>
            <translation>更新 %1 人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 unchanged</source>
            <translation>%1 人无变化</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n problem(s): fix the file (or the column mapping) and choose it again. %2</source>
            <translation>
                <numerusform>%Ln 处问题：请修改文件（或列的对应关系）后重新选择。%2</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>— the group “%1” will be created.</source>
            <translation>— 将创建社群“%1”。</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
            <translation>导入完成：新增 %1 人，更新 %2 人，%3 人无变化。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The group “%1” was created.</source>
            <translation>已创建社群“%1”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Something went wrong: %1</source>
            <translation>出错了：%1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Import cancelled. Nothing was written.</source>
            <translation>已取消导入，没有写入任何数据。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>WeChat wxid (when the WeChat ID is empty)</source>
            <translation>微信ID wxid（微信号为空时使用）</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>footer below the table, not a person</source>
            <translation>表格下方的表尾，不是成员</translation>
        </message>
        <message>
            <source>the header row again, not a person</source>
            <translation>表头又出现了一次，不是成员</translation>
        </message>
        <message>
            <source>blank row below the table</source>
            <translation>表格下方的空行</translation>
        </message>
        <message>
            <source>title above the header</source>
            <translation>表头上方的标题</translation>
        </message>
        <message>
            <source>example row of the template, not a person</source>
            <translation>模板里的示例行，不是成员</translation>
        </message>
        <message>
            <source>Order or sign-up status (refunded, cancelled: not imported)</source>
            <translation>订单/报名状态（已退款、已取消的不导入）</translation>
        </message>
        <message>
            <source>refunded, cancelled or declined order or sign-up, not a member</source>
            <translation>已退款、已取消或未通过的订单/报名，不是成员</translation>
        </message>
        <message>
            <source>another order of the same person</source>
            <translation>同一人的另一笔订单</translation>
        </message>
        <message>
            <source>a member of another group in the file, not imported</source>
            <translation>文件里另一个群的成员，未导入</translation>
        </message>
        <message>
            <source>staff of the company, not a member: not imported</source>
            <translation>公司自己的员工（企业成员），不是群成员，未导入</translation>
        </message>
        <message>
            <source>The sheet with the member table is chosen; pick another if it is wrong.</source>
            <translation>已自动选中有成员表的工作表；选错了可以换一个。</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>工作表：</translation>
        </message>
        <message>
            <source>Sheet “%1” of %2.</source>
            <translation>读取的是 %2 个工作表中的“%1”。</translation>
        </message>
        <message numerus="yes">
            <source>%n title row(s) above the header skipped.</source>
            <translation>
                <numerusform>跳过表头上方的标题 %Ln 行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n footer or blank row(s) below the table skipped (listed at the end).</source>
            <translation>
                <numerusform>跳过表格下方的表尾或空行 %Ln 行（列在最后）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order or sign-up row(s) skipped: refunded, cancelled or declined, or another order of someone above (listed at the end).</source>
            <translation>
                <numerusform>跳过 %Ln 行订单/报名：已退款、已取消或未通过，或是上面某人的另一笔订单（列在最后）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of other groups in the file skipped (listed at the end).</source>
            <translation>
                <numerusform>跳过 %Ln 行文件里其他群的成员（列在最后）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of the company's own staff skipped: not members (listed at the end).</source>
            <translation>
                <numerusform>跳过 %Ln 行公司自己的员工（企业成员）：不是群成员（列在最后）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n merged cell(s) filled from the row above.</source>
            <translation>
                <numerusform>合并单元格已按上方的值填充 %Ln 格。</numerusform>
            </translation>
        </message>
        <message>
            <source>No name column: the name is the group nickname, else the WeChat nickname.</source>
            <translation>没有姓名列：姓名取群昵称，没有群昵称时取微信昵称。</translation>
        </message>
        <message>
            <source>This is the roster of “%1”, another group: its join and leaving dates are not read — new members join on the day of the import, people already here get only their own details updated, and %1's former members are not imported.</source>
            <translation>这是另一个社群「%1」的名册：文件里的入群和退群日期不读，新成员以导入当天为入群日期，已在本群的人只更新个人资料，「%1」的退群者不导入。</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with warnings (shown in amber); they are imported.</source>
            <translation>
                <numerusform>%Ln 行有提示（黄色显示），照常导入。</numerusform>
            </translation>
        </message>
        <message>
            <source>A big file: the preview lists the first rows and every row with a problem or warning.</source>
            <translation>文件较大：预览只列出前面的行和所有有问题或提示的行。</translation>
        </message>
        <message>
            <source>merged cells filled from above: %1</source>
            <translation>合并单元格，沿用上方的值：%1</translation>
        </message>
        <message>
            <source>also submitted in row %1 (the latest answers win)</source>
            <translation>第 %1 行也是此人提交的（以最新一次为准）</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <source>No check-in</source>
            <translation>无打卡</translation>
        </message>
        <message>
            <source>New: %1 (late: %2) · already there: %3 · leave days: %4 · leave already recorded: %5</source>
            <translation>新打卡 %1（其中补卡 %2），已有 %3，请假 %4 天，请假已记录 %5 天</translation>
        </message>
        <message>
            <source>Check-ins (export or 打卡表)</source>
            <translation>打卡记录（打卡导出或打卡表）</translation>
        </message>
        <message>
            <source>YYYY-MM, when the day columns are 1 2 3 … or have no year</source>
            <translation>YYYY-MM，表头只有日号（1 2 3…）或没有年份时填写</translation>
        </message>
        <message>
            <source>Month:</source>
            <translation>月份：</translation>
        </message>
        <message>
            <source>Check-ins to log: %1 · already there: %2 · leave days to record: %3</source>
            <translation>将记打卡 %1 条，已有 %2 条，将记请假 %3 天</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s): fix the file and choose it again. %2</source>
            <translation>
                <numerusform>%Ln 个问题：请修改文件后重新选择。%2</numerusform>
            </translation>
        </message>
        <message>
            <source>Days read: %1</source>
            <translation>读到的日期：%1</translation>
        </message>
        <message>
            <source>Columns not used: %1</source>
            <translation>未使用的列：%1</translation>
        </message>
        <message>
            <source>Other sheets that are check-in tables too, not read now: %1 (choose each sheet to import it)</source>
            <translation>其他也是打卡表的工作表，这次未读取：%1（请逐个选择工作表导入）</translation>
        </message>
        <message>
            <source>Imported. Check-ins logged: %1 · already there: %2 · leave days recorded: %3.</source>
            <translation>已导入：记录打卡 %1 条，已有 %2 条，记录请假 %3 天。</translation>
        </message>
        <message>
            <source>Group name (it must exist: check-ins belong to its members)</source>
            <translation>社群名称（必须已存在：打卡记在社群成员身上）</translation>
        </message>
        <message>
            <source>no name, WeChat ID or phone answered: nobody to add</source>
            <translation>没有填姓名、微信号或手机，无人可加</translation>
        </message>
        <message>
            <source>Note (survey answer)</source>
            <translation>备注（问卷回答）</translation>
        </message>
        <message>
            <source>Camp days counted from the camp's first day, %1.</source>
            <translation>营期天数从开营日 %1 算起。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.tsv *.txt);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.tsv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>a note or section line among the rows, not a person</source>
            <translation>表中的说明或分段行，不是成员</translation>
        </message>
        <message numerus="yes">
            <source>%n repeated header, note or section row(s) among the rows skipped (listed at the end).</source>
            <translation>
                <numerusform>跳过了表中 %Ln 行重复的表头、说明或分段行（列在最后）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Columns hidden in the sheet are imported too: %1 (set them to “not imported” above if they should not be).</source>
            <translation>表格里隐藏的列也会导入：%1（若不该导入，请在上方改为“不导入”）。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) of this group are not in the file: left as they are (an import never removes anyone): %1</source>
            <translation>
                <numerusform>本群另有 %Ln 位成员不在文件里，保持不变（导入不会移除成员）：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Columns hidden in the sheet, read too: %1</source>
            <translation>表格里隐藏的列也会读取：%1</translation>
        </message>
        <message>
            <source>The import of %1 was undone.</source>
            <translation>已撤销 %1 的导入。</translation>
        </message>
        <message>
            <source>check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <source>leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>entry steps</source>
            <translation>入群步骤</translation>
        </message>
        <message>
            <source>tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>values restored</source>
            <translation>改回的值</translation>
        </message>
        <message>
            <source>Taken back: %1.</source>
            <translation>已撤回: %1。</translation>
        </message>
        <message>
            <source>Removed from the group: %1.</source>
            <translation>已移出本群: %1。</translation>
        </message>
        <message>
            <source>Kept as they are:</source>
            <translation>以下保留未动:</translation>
        </message>
        <message>
            <source>Undo this import</source>
            <translation>撤销这次导入</translation>
        </message>
        <message>
            <source>Undoing the import…</source>
            <translation>正在撤销导入…</translation>
        </message>
        <message>
            <source>Undo cancelled. Nothing was changed.</source>
            <translation>已取消撤销, 没有任何改动。</translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/app.py" line="+102" />
            <location line="+25" />
            <location line="+39" />
            <location line="+13" />
            <location filename="../../ui/main_window.py" line="+57" />
            <source>QunDesk</source>
            <translation>社群助手</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Cannot open the database %1: %2</source>
            <translation>无法打开数据库 %1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="+12" />
            <source>Dashboard</source>
            <translation>概览</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The health of every group at a glance: active members, check-in rate, dormant members, the 5/20/75 structure and zombie-group alerts.</source>
            <translation>一眼看清每个社群的健康状况：活跃成员、打卡率、沉默成员、5/20/75 成员结构，以及僵尸群预警。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Roster</source>
            <translation>成员名册</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Onboarding</source>
            <translation>入群流程</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Each group's entry steps, who is stuck at which step, and the funnel from applicant to member.</source>
            <translation>每个社群的入群步骤、谁卡在了哪一步，以及从申请到入群的转化漏斗。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fast daily check-ins: type a few letters or paste the chat chain, with streaks, leave and a calendar heat-map.</source>
            <translation>快速记录每日打卡：输入几个字母或直接粘贴群接龙，还有连续打卡、请假和日历热力图。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Activities</source>
            <translation>活动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Activities and numbered series with attendance, ticked from a list or pasted from a sign-up chain.</source>
            <translation>活动与分期系列活动的出勤记录，可在名单里勾选，也可粘贴报名接龙。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Point rules, manual adjustments with a reason, levels and the leaderboard.</source>
            <translation>积分规则、附带原因的手动调整、会员等级和排行榜。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The monthly Excel workbook for one group or all groups, ready to print or forward, in one click.</source>
            <translation>一键生成单个社群或全部社群的月度 Excel 报表，可直接打印或转发。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New group…</source>
            <translation>新建社群(&amp;N)…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only the owner or an admin may create groups</source>
            <translation>只有群主或管理员可以创建社群</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About QunDesk</source>
            <translation>关于社群助手(&amp;A)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Groups</source>
            <translation>社群</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New group…</source>
            <translation>新建社群…</translation>
        </message>
        <message>
            <location line="+90" />
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operator: %1</source>
            <translation>操作员：%1</translation>
        </message>
        <message>
            <location line="+29" />
            <source>All groups</source>
            <translation>全部社群</translation>
        </message>
        <message>
            <location line="+73" />
            <source>About QunDesk</source>
            <translation>关于社群助手</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;QunDesk&lt;/b&gt; %1&lt;br&gt;A desktop assistant for people who run WeChat and QQ groups: roster, entry steps, check-ins, points, group health and monthly Excel reports.</source>
            <translation>&lt;b&gt;社群助手 QunDesk&lt;/b&gt; %1&lt;br&gt;为运营微信群、QQ 群的人准备的桌面助手：成员名册、入群流程、打卡、积分、社群健康度和月度 Excel 报表。</translation>
        </message>
        <message>
            <source>Restored into %1.</source>
            <translation>已恢复到 %1。</translation>
        </message>
        <message>
            <source>The workspace is damaged: %1

Restore the latest backup into a new file and open it?</source>
            <translation>工作区已损坏：%1

要把最近的备份恢复到一个新文件并打开吗？</translation>
        </message>
        <message>
            <source>There is no backup to restore.</source>
            <translation>没有可以恢复的备份。</translation>
        </message>
        <message>
            <source>This workspace is already open in another window: %1.
%2</source>
            <translation>这个工作区已在另一个窗口中打开：%1。
%2</translation>
        </message>
        <message>
            <source>If QunDesk is not open there any more (it stopped on another computer, or the program named is not QunDesk), close this message, delete the lock file %1 and start QunDesk again.</source>
            <translation>如果那里已经没有打开 QunDesk（例如它在另一台电脑上意外退出，或上面写的程序并不是 QunDesk），请关闭此提示，删除锁文件 %1，然后重新启动 QunDesk。</translation>
        </message>
        <message>
            <source>&amp;Tiers, roles and tags…</source>
            <translation>层级、角色与标签(&amp;T)…</translation>
        </message>
        <message>
            <source>Import a &amp;chat history…</source>
            <translation>导入群聊记录(&amp;C)…</translation>
        </message>
        <message>
            <source>Members: %1 of %2 places, %3% used</source>
            <translation>群成员 %1 人，容量 %2：已用 %3%</translation>
        </message>
        <message>
            <source>%1 in all groups: %2 (someone in two groups is a member of both)</source>
            <translation>全部社群共 %1，共 %2（同在两个群的人是两个群的群成员）</translation>
        </message>
        <message>
            <source>%1 in all groups</source>
            <translation>全部社群共 %1</translation>
        </message>
        <message>
            <source>Checking the workspace… saving waits until it is done</source>
            <translation>正在检查工作区…检查完成后才能保存</translation>
        </message>
        <message>
            <source>Workspace checked</source>
            <translation>工作区检查完毕</translation>
        </message>
        <message>
            <source>Workspace checked · taking today's backup…</source>
            <translation>工作区检查完毕 · 正在备份今天的数据…</translation>
        </message>
        <message>
            <source>today's backup saved</source>
            <translation>今日备份已保存</translation>
        </message>
        <message>
            <source>Automatic backup failed: %1</source>
            <translation>自动备份失败：%1</translation>
        </message>
        <message>
            <source>There is no workspace at %1.

Create a new, empty workspace there?</source>
            <translation>没有工作区：%1

要在这里新建一个空的工作区吗？</translation>
        </message>
        <message>
            <source>QunDesk is still working: %1.</source>
            <translation>社群助手还在工作：%1。</translation>
        </message>
        <message>
            <source>Stop it and close? What it has not finished is not written.</source>
            <translation>停止它并关闭吗？没有完成的部分不会写入。</translation>
        </message>
        <message>
            <source>Stop and close</source>
            <translation>停止并关闭</translation>
        </message>
        <message>
            <source>Keep working</source>
            <translation>继续工作</translation>
        </message>
        <message>
            <source>Finished before it could be stopped: %1. It was completed and written, not cancelled.</source>
            <translation>在停止之前已经完成：%1。它已完成并写入，没有被取消。</translation>
        </message>
        <message>
            <source>The workspace is damaged: %1

Put its latest backup in its place and open it? The damaged file is kept beside it under a new name.</source>
            <translation>工作区已损坏: %1

用它最新的备份替换它并打开吗? 损坏的文件会以新名字保留在它旁边。</translation>
        </message>
        <message>
            <source>Restored the latest backup into %1. The damaged file was kept as %2.</source>
            <translation>已把最新的备份恢复到 %1。损坏的文件保留为 %2。</translation>
        </message>
        <message>
            <source>The backup is restored into %1. The workspace as it was is kept as %2.</source>
            <translation>备份已恢复到 %1。原来的工作区保留为 %2。</translation>
        </message>
        <message>
            <source>A sync tool left other copies of this workspace beside it: %1. What was saved in them is not in this one; to use one instead, restore it in Settings › Backups.</source>
            <translation>同步工具在这个工作区旁边留下了它的其他副本: %1。在副本里保存的内容不在这个工作区里; 要改用其中一个, 请在 设置 › 备份 中恢复它。</translation>
        </message>
        <message>
            <source>&amp;Undo the last import…</source>
            <translation>撤销上一次导入(&amp;U)…</translation>
        </message>
        <message>
            <source>Undo the last import…</source>
            <translation>撤销上一次导入…</translation>
        </message>
        <message>
            <source>Undo the last import</source>
            <translation>撤销上一次导入</translation>
        </message>
        <message>
            <source>No import in this workspace can be undone.</source>
            <translation>没有可以撤销的导入。</translation>
        </message>
        <message>
            <source>“%1” has no import that can be undone (imports made before this version kept no record).</source>
            <translation>「%1」没有可以撤销的导入 (这个版本之前的导入没有记录)。</translation>
        </message>
        <message>
            <source>The last import of “%1” was made by %2: an assistant may undo only their own imports.</source>
            <translation>「%1」的上一次导入是 %2 做的: 助理只能撤销自己的导入。</translation>
        </message>
        <message>
            <source>roster</source>
            <translation>名册</translation>
        </message>
        <message>
            <source>applications</source>
            <translation>入群申请</translation>
        </message>
        <message>
            <source>check-ins</source>
            <translation>打卡</translation>
        </message>
        <message>
            <source>Undo the import of %1 (%2) into “%3”, made by %4 on %5? Only what it added and changed is taken back; anything recorded since stays and is listed.</source>
            <translation>撤销 %4 在 %5 导入「%3」的 %1 (%2)? 只撤回这次导入添加和修改的内容; 之后记录的一切保留不动, 并会列出。</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Holds a phone number you cannot see in full: only the owner or an admin may change it</source>
            <translation>这一项里有你看不到的完整手机号, 只有群主或管理员能修改</translation>
        </message>
        <message>
            <source>same name</source>
            <translation>同名</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>在 %1</translation>
        </message>
        <message>
            <source>Add %1 to this group</source>
            <translation>将 %1 加入本群</translation>
        </message>
        <message>
            <source>The person already on the roster of %1 joins this group as a member; nothing typed here is saved.</source>
            <translation>%1 名册中已有的这位成员将以成员身份加入本群；这里填写的内容不会保存。</translation>
        </message>
        <message>
            <source>Merge… works on the records already saved: what you typed in this form is not saved.</source>
            <translation>“合并…”只处理已保存的记录：这个表单里刚填写的内容不会保存。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="+158" />
            <source>Edit member — %1</source>
            <translation>编辑成员 — %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add member</source>
            <translation>添加成员</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your role may not edit members</source>
            <translation>你的角色无权编辑成员</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name shown in this group</source>
            <translation>在本群显示的名字</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 138 0013 8000</source>
            <translation>例如：138 0013 8000</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+20" />
            <location line="+3" />
            <source>Not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Clear the join date</source>
            <translation>清除入群日期</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Seed user</source>
            <translation>种子用户</translation>
        </message>
        <message>
            <location line="-26" />
            <source>Comma separated, e.g. early riser, reading</source>
            <translation>用逗号分隔，例如：早起, 读书</translation>
        </message>
        <message>
            <location line="+27" />
            <source>One of the first, most engaged members</source>
            <translation>最早加入、最活跃的那一批成员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Real-name verified</source>
            <translation>已实名认证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only whether it was verified is kept, never an ID number</source>
            <translation>只记录是否已认证，绝不保存身份证号</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Their answer to “Why do you want to join?”</source>
            <translation>对“为什么想进群？”的回答</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Person</source>
            <translation>个人信息</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+5" />
            <source>In this group</source>
            <translation>在本群</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Group</source>
            <translation>社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group nickname</source>
            <translation>群昵称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>层级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>入群日期</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Purpose</source>
            <translation>进群目的</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+130" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="-14" />
            <source>same WeChat ID</source>
            <translation>微信号相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>same phone number</source>
            <translation>手机号相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>very similar name in this group</source>
            <translation>本群有名字非常相近的人</translation>
        </message>
        <message>
            <source>WeChat %1</source>
            <translation>微信号 %1</translation>
        </message>
        <message>
            <source>phone …%1</source>
            <translation>手机尾号 %1</translation>
        </message>
        <message>
            <source>An ID-card number is never stored: only its last four characters are kept, as shown. Check the field and save again.</source>
            <translation>身份证号不保存，只保留后四位（如框中所示）。请核对后再次保存。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Possible duplicate</source>
            <translation>可能重复</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This person may already be in the roster:</source>
            <translation>这个人可能已经在名册里了：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Create a group first (File ▸ New group…)</source>
            <translation>请先创建一个社群（文件 ▸ 新建社群…）</translation>
        </message>
    </context>
    <context>
        <name>MembershipStatus</name>
        <message>
            <location filename="../../ui/models/roster_table_model.py" line="+67" />
            <source>Applicant</source>
            <translation>申请中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Onboarding</source>
            <translation>入群中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Member</source>
            <translation>已入群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Left</source>
            <translation>已退群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Removed</source>
            <translation>已移除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Blacklisted</source>
            <translation>黑名单</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="+57" />
            <source>QunDesk</source>
            <translation>社群助手</translation>
        </message>
    </context>
    <context>
        <name>OperatorRole</name>
        <message>
            <location line="-41" />
            <source>Owner</source>
            <translation>群主</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assistant</source>
            <translation>助理</translation>
        </message>
        <message>
            <location line="+52" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <location filename="../../ui/pages/placeholder_page.py" line="+21" />
            <source>Coming soon</source>
            <translation>即将推出</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="+64" />
            <source>Search name, nickname, WeChat ID, phone tail, pinyin (zs)</source>
            <translation>搜索姓名、昵称、微信号、手机尾号、拼音首字母（zs）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Show deleted</source>
            <translation>显示已删除</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Add member</source>
            <translation>添加成员</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit</source>
            <translation>编辑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Only the owner or an admin may delete members</source>
            <translation>只有群主或管理员可以删除成员</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your role may not edit members</source>
            <translation>你的角色无权编辑成员</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No one matches this search or filter.</source>
            <translation>没有找到符合搜索或筛选条件的人。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No members here yet. Add the first one with “Add member”.</source>
            <translation>这里还没有成员。点“添加成员”加入第一位吧。</translation>
        </message>
        <message>
            <source>No groups yet. Create the first one with File ▸ New group… (or the + beside “Groups”), then add its members or import a roster with Tools ▸ Import….</source>
            <translation>还没有社群。先用“文件 ▸ 新建社群…”（或左侧“社群”旁的 +）创建第一个社群，再添加成员，或用“工具 ▸ 导入…”导入名册。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>All tiers</source>
            <translation>全部层级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All tags</source>
            <translation>全部标签</translation>
        </message>
        <message numerus="yes">
            <location line="+51" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>共 %Ln 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+118" />
            <source>Deleted %n person(s).</source>
            <translation>
                <numerusform>已删除 %Ln 人。</numerusform>
            </translation>
        </message>
        <message>
            <location line="-2" />
            <source>Deleted %1.</source>
            <translation>已删除 %1。</translation>
        </message>
    </context>
    <context>
        <name>RosterTableModel</name>
        <message>
            <location filename="../../ui/models/roster_table_model.py" line="-33" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group</source>
            <translation>社群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>层级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>手机号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>入群日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last activity</source>
            <translation>最近活跃</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <location line="+252" />
            <source>Deleted — select it and choose Restore</source>
            <translation>已删除 — 选中后点“恢复”即可找回</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nickname: %1 · Group nickname: %2</source>
            <translation>昵称：%1 · 群昵称：%2</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>The community's time zone</source>
            <translation>社群时区</translation>
        </message>
        <message>
            <source>This computer's zone (%1)</source>
            <translation>本机时区（%1）</translation>
        </message>
        <message>
            <source>Check-ins, chat messages and form times are dated on this zone's days, wherever this computer is.</source>
            <translation>打卡、聊天记录和表单里的时间都按这个时区的日期记录，不论这台电脑在哪里。</translation>
        </message>
        <message>
            <source>Not saved yet: the rules apply once saved.</source>
            <translation>尚未保存：保存后规则才生效。</translation>
        </message>
        <message>
            <source>Save the changed workspace rules?</source>
            <translation>保存对工作区规则的更改吗？</translation>
        </message>
        <message>
            <source>Not saved, they do not apply: the saved rules are put back.</source>
            <translation>不保存则不生效：将恢复为已保存的规则。</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>放弃更改</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="+32" />
            <source>Onboarding counts as stalled after</source>
            <translation>入群流程停滞判定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A member is dormant after no participation for</source>
            <translation>成员沉默判定（无任何参与）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flag a silent newcomer after</source>
            <translation>新人沉默观察期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zombie group when the 7-day active share is below</source>
            <translation>僵尸群：7 天活跃占比低于</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zombie group after no participation for</source>
            <translation>僵尸群：连续无人参与</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warn when a group is this full</source>
            <translation>社群容量预警比例</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flag a member after this many violations</source>
            <translation>违规达到多少次时标记成员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count violations within the last</source>
            <translation>违规统计窗口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Automatic backups to keep</source>
            <translation>保留自动备份份数</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The new language applies the next time QunDesk starts.</source>
            <translation>新的语言将在下次启动社群助手时生效。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Display language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Workspace rules (shared by everyone using this workspace)</source>
            <translation>工作区规则（使用此工作区的所有人共用）</translation>
        </message>
        <message>
            <location line="+17" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save workspace rules</source>
            <translation>保存工作区规则</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Only the owner or an admin may change these.</source>
            <translation>只有群主或管理员可以修改这些设置。</translation>
        </message>
        <message>
            <source>A change applies from today on. Earlier months keep the rules they had: their figures and workbooks stay as they were, and each workbook names the rules it used.</source>
            <translation>修改从今天起生效。之前的月份沿用当时的规则：它们的数字和月报保持不变，每份月报都写明所用的规则。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workspace</source>
            <translation>工作区</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../ui/task_runner.py" line="+67" />
            <source>Working…</source>
            <translation>处理中…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please wait…</source>
            <translation>请稍候…</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>operations</name>
        <message>
            <source>The database is busy (another QunDesk or a backup is using it): try again in a moment</source>
            <translation>数据库正忙（另一个 QunDesk 或备份正在使用它），请稍后再试。</translation>
        </message>
    </context>
</TS>
