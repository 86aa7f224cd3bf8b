<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>正在导出</translation>
        </message>
        <message>
            <source>Writing the audit log…</source>
            <translation>正在写入审计日志…</translation>
        </message>
        <message>
            <source>All operators</source>
            <translation>全部操作员</translation>
        </message>
        <message>
            <source>Member: name, pinyin, WeChat ID</source>
            <translation>成员：姓名、拼音、微信号</translation>
        </message>
        <message>
            <source>Any time</source>
            <translation>全部时间</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>指定日期…</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source>No entries match these filters.</source>
            <translation>没有符合筛选条件的记录。</translation>
        </message>
        <message>
            <source>Load more</source>
            <translation>加载更多</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Only the owner or an admin may export the audit log (it holds personal data)</source>
            <translation>只有群主或管理员可以导出审计日志（其中含有个人信息）</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message numerus="yes">
            <source>Showing the newest %n entries</source>
            <translation>
                <numerusform>显示最新的 %Ln 条记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>共 %Ln 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export the audit log as</source>
            <translation>审计日志另存为</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message numerus="yes">
            <source>%n entries exported to %1</source>
            <translation>
                <numerusform>已导出 %Ln 条记录到 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelled. Nothing was written.</source>
            <translation>已取消，没有写入任何文件。</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>About</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>导入(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Audit log…</source>
            <translation>审计日志(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Operators…</source>
            <translation>操作员(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Switch operator…</source>
            <translation>切换操作员(&amp;S)…</translation>
        </message>
        <message>
            <source>Your role may not add or edit members</source>
            <translation>你的角色不能添加或修改成员</translation>
        </message>
        <message>
            <source>Group profile…</source>
            <translation>社群资料…</translation>
        </message>
        <message>
            <source>Import into this group…</source>
            <translation>导入到这个社群…</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>Team database</source>
            <translation>团队数据库</translation>
        </message>
        <message>
            <source>Password for %1 (leave empty if there is none):</source>
            <translation>%1 的密码（没有密码请留空）：</translation>
        </message>
        <message>
            <source>QunDesk opened the team database because Settings say so. To open this computer's workspace instead, start it with --db "%1".</source>
            <translation>根据设置，社群助手打开的是团队数据库。如要改为打开本机的工作区，请用 --db "%1" 启动。</translation>
        </message>
        <message>
            <source>On a team database each person signs in with their own login: start QunDesk again</source>
            <translation>团队数据库里每人用自己的登录名登录：请重新启动社群助手</translation>
        </message>
    </context>
    <context>
        <name>OperatorsDialog</name>
        <message>
            <source>Everything, including operators and restoring backups.</source>
            <translation>可以做所有操作，包括管理操作员和恢复备份。</translation>
        </message>
        <message>
            <source>Everything except managing operators and restoring backups.</source>
            <translation>除管理操作员和恢复备份外，可以做所有操作。</translation>
        </message>
        <message>
            <source>Records check-ins, attendance, entry steps, contributions and violations and edits members; cannot delete or merge members, change point rules or entry steps, restore backups or export full phone numbers.</source>
            <translation>可以记录打卡、出勤、入群步骤、贡献和违规，也可以修改成员；不能删除或合并成员，不能修改积分规则或入群流程，不能恢复备份，也不能导出完整手机号。</translation>
        </message>
        <message>
            <source>Operators</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>e.g. Xiao Wang</source>
            <translation>例如：小王</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <source>Set password of the selected operator</source>
            <translation>为选中的操作员设置密码</translation>
        </message>
        <message>
            <source>Choose an operator in the list first.</source>
            <translation>请先在列表中选择一位操作员。</translation>
        </message>
        <message>
            <source>Add operator</source>
            <translation>添加操作员</translation>
        </message>
        <message>
            <source>Add an operator</source>
            <translation>添加操作员</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>Only the owner may add operators.</source>
            <translation>只有群主可以添加操作员。</translation>
        </message>
        <message>
            <source>Switch operator…</source>
            <translation>切换操作员…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>有</translation>
        </message>
        <message>
            <source>No</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Working as %1</source>
            <translation>当前操作员：%1</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>Change my password</source>
            <translation>修改我的密码</translation>
        </message>
        <message>
            <source>Type the new password twice.</source>
            <translation>请把新密码输入两次。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <source>Team database</source>
            <translation>团队数据库</translation>
        </message>
        <message>
            <source>A PostgreSQL server address. A password typed here is used but never saved.</source>
            <translation>PostgreSQL 服务器地址。这里输入的密码只用于连接，不会被保存。</translation>
        </message>
        <message>
            <source>Open the team database when QunDesk starts</source>
            <translation>启动社群助手时打开团队数据库</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>Copy this workspace to the team database…</source>
            <translation>复制当前工作区到团队数据库…</translation>
        </message>
        <message>
            <source>Only the owner may copy the workspace</source>
            <translation>只有群主可以复制工作区</translation>
        </message>
        <message>
            <source>QunDesk works on one database at a time. To work on the team database, tick the box above and restart QunDesk (it asks for the password), or start it with --db URL or QUNDESK_DB=URL. The password is never saved.</source>
            <translation>社群助手一次只打开一个数据库。要使用团队数据库，请勾选上面的选项并重启社群助手（启动时会询问密码），或用 --db URL 或 QUNDESK_DB=URL 启动。密码不会被保存。</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <source>Password for %1 (leave empty if there is none):</source>
            <translation>%1 的密码（没有密码请留空）：</translation>
        </message>
        <message>
            <source>Type the team database address first, e.g. %1</source>
            <translation>请先填写团队数据库地址，例如 %1</translation>
        </message>
        <message>
            <source>Not a database address: %1</source>
            <translation>不是有效的数据库地址：%1</translation>
        </message>
        <message>
            <source>No team database.</source>
            <translation>未设置团队数据库。</translation>
        </message>
        <message>
            <source>Saved. QunDesk opens the team database at the next start.</source>
            <translation>已保存。下次启动时社群助手会打开团队数据库。</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Copy everything in this workspace (groups, members, check-ins, points, the audit log …) into the team database %1? The team database must be empty; nothing is written if anything goes wrong.</source>
            <translation>要把当前工作区的全部内容（社群、成员、打卡、积分、审计日志……）复制到团队数据库 %1 吗？团队数据库必须是空的；任何一步出错都不会写入任何数据。</translation>
        </message>
        <message>
            <source>Copying…</source>
            <translation>正在复制…</translation>
        </message>
        <message>
            <source>Copied and verified %1 rows in %2 tables: %3</source>
            <translation>已复制并核对 %2 张表共 %1 行：%3</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Only the owner may restore a backup</source>
            <translation>只有群主可以恢复备份</translation>
        </message>
        <message>
            <source>Open backup folder</source>
            <translation>打开备份文件夹</translation>
        </message>
        <message>
            <source>QunDesk backs the workspace up on the first start of each day. A backup is restored into a new workspace file; the workspace that is open now stays as it is.</source>
            <translation>社群助手每天第一次启动时会自动备份工作区。恢复备份时会生成一个新的工作区文件，当前打开的工作区保持不变。</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Not readable</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>还没有备份。</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>QunDesk workspace (*.sqlite)</source>
            <translation>社群助手工作区 (*.sqlite)</translation>
        </message>
        <message>
            <source>Restore the backup %1 into a new workspace file? The workspace that is open now is not changed; you then restart QunDesk on the restored file.</source>
            <translation>要把备份 %1 恢复到一个新的工作区文件吗？当前打开的工作区不会改变；恢复后请用恢复出的文件重新启动社群助手。</translation>
        </message>
        <message>
            <source>Restore into a new workspace file</source>
            <translation>恢复到新的工作区文件</translation>
        </message>
        <message>
            <source>%1 already exists. Choose a new file: a restore never replaces a workspace.</source>
            <translation>%1 已存在。请选择一个新文件：恢复备份不会覆盖已有的工作区。</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>正在恢复…</translation>
        </message>
        <message>
            <source>Connection OK.</source>
            <translation>连接成功。</translation>
        </message>
        <message>
            <source>To work on the team database, tick “Open the team database when QunDesk starts” and restart.</source>
            <translation>要使用团队数据库，请勾选“启动社群助手时打开团队数据库”并重启。</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>已备份到 %1</translation>
        </message>
        <message>
            <source>Restored into %1. The open workspace is unchanged. To work on the restored one, restart QunDesk with: qundesk --db "%1"</source>
            <translation>已恢复到 %1。当前打开的工作区没有改变。要使用恢复出的工作区，请这样重新启动社群助手：qundesk --db "%1"</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was written.</source>
            <translation>已取消，没有写入任何数据。</translation>
        </message>
        <message>
            <source>Backing up</source>
            <translation>正在备份</translation>
        </message>
        <message>
            <source>Restoring a backup</source>
            <translation>正在恢复备份</translation>
        </message>
        <message>
            <source>Copying to the team database</source>
            <translation>正在复制到团队数据库</translation>
        </message>
        <message>
            <source>Testing the connection</source>
            <translation>正在测试连接</translation>
        </message>
        <message>
            <source>Only the owner or an admin may take a backup</source>
            <translation>只有群主或管理员可以备份工作区</translation>
        </message>
        <message>
            <source>Replace the workspace</source>
            <translation>替换工作区</translation>
        </message>
        <message>
            <source>Into a new file…</source>
            <translation>恢复到新文件…</translation>
        </message>
        <message>
            <source>Restore the backup %1?

Replace the workspace: the workspace as it is now is kept beside it as %2, the backup takes its place and QunDesk reopens on it.
Into a new file: the open workspace stays as it is.</source>
            <translation>恢复备份 %1 吗?

替换工作区: 现在的工作区会以 %2 的名字保留在它旁边, 备份取代它的位置, QunDesk 重新打开恢复后的工作区。
恢复到新文件: 打开着的工作区保持不变。</translation>
        </message>
        <message>
            <source>Restored and checked: the workspace is reopened on it…</source>
            <translation>已恢复并检查完毕: 正在重新打开工作区…</translation>
        </message>
        <message>
            <source>Sync copy</source>
            <translation>同步副本</translation>
        </message>
        <message>
            <source>Not restored: the workspace is as it was.</source>
            <translation>未恢复: 工作区保持原样。</translation>
        </message>
    </context>
    <context>
        <name>SwitchOperatorDialog</name>
        <message>
            <source>Switch operator</source>
            <translation>切换操作员</translation>
        </message>
        <message>
            <source>Switch</source>
            <translation>切换</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Currently working as %1.</source>
            <translation>当前操作员：%1。</translation>
        </message>
        <message>
            <source>This operator has no password.</source>
            <translation>这个操作员没有设置密码。</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>密码不正确。</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>This workspace needs you to sign in.</source>
            <translation>这个工作区需要先登录。</translation>
        </message>
    </context>
</TS>
