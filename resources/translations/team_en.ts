<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Exporting</translation>
        </message>
        <message>
            <source>Writing the audit log…</source>
            <translation>Writing the audit log…</translation>
        </message>
        <message>
            <source>All operators</source>
            <translation>All operators</translation>
        </message>
        <message>
            <source>Member: name, pinyin, WeChat ID</source>
            <translation>Member: name, pinyin, WeChat ID</translation>
        </message>
        <message>
            <source>Any time</source>
            <translation>Any time</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <source>Dates…</source>
            <translation>Dates…</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>No entries match these filters.</source>
            <translation>No entries match these filters.</translation>
        </message>
        <message>
            <source>Load more</source>
            <translation>Load more</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Only the owner or an admin may export the audit log (it holds personal data)</source>
            <translation>Only the owner or an admin may export the audit log (it holds personal data)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>Showing the newest %n entries</source>
            <translation>
                <numerusform>Showing the newest entry</numerusform>
                <numerusform>Showing the newest %Ln entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%Ln entry</numerusform>
                <numerusform>%Ln entries</numerusform>
            </translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>Export the audit log as</source>
            <translation>Export the audit log as</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message numerus="yes">
            <source>%n entries exported to %1</source>
            <translation>
                <numerusform>%Ln entry exported to %1</numerusform>
                <numerusform>%Ln entries exported to %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancelled. Nothing was written.</source>
            <translation>Cancelled. Nothing was written.</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <source>&amp;Audit log…</source>
            <translation>&amp;Audit log…</translation>
        </message>
        <message>
            <source>&amp;Operators…</source>
            <translation>&amp;Operators…</translation>
        </message>
        <message>
            <source>&amp;Switch operator…</source>
            <translation>&amp;Switch operator…</translation>
        </message>
        <message>
            <source>Your role may not add or edit members</source>
            <translation>Your role may not add or edit members</translation>
        </message>
        <message>
            <source>Group profile…</source>
            <translation>Group profile…</translation>
        </message>
        <message>
            <source>Import into this group…</source>
            <translation>Import into this group…</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <source>Team database</source>
            <translation>Team database</translation>
        </message>
        <message>
            <source>Password for %1 (leave empty if there is none):</source>
            <translation>Password for %1 (leave empty if there is none):</translation>
        </message>
        <message>
            <source>QunDesk opened the team database because Settings say so. To open this computer's workspace instead, start it with --db "%1".</source>
            <translation>QunDesk opened the team database because Settings say so. To open this computer's workspace instead, start it with --db "%1".</translation>
        </message>
        <message>
            <source>On a team database each person signs in with their own login: start QunDesk again</source>
            <translation>On a team database each person signs in with their own login: start QunDesk again</translation>
        </message>
    </context>
    <context>
        <name>OperatorsDialog</name>
        <message>
            <source>Everything, including operators and restoring backups.</source>
            <translation>Everything, including operators and restoring backups.</translation>
        </message>
        <message>
            <source>Everything except managing operators and restoring backups.</source>
            <translation>Everything except managing operators and restoring backups.</translation>
        </message>
        <message>
            <source>Records check-ins, attendance, entry steps, contributions and violations and edits members; cannot delete or merge members, change point rules or entry steps, restore backups or export full phone numbers.</source>
            <translation>Records check-ins, attendance, entry steps, contributions and violations and edits members; cannot delete or merge members, change point rules or entry steps, restore backups or export full phone numbers.</translation>
        </message>
        <message>
            <source>Operators</source>
            <translation>Operators</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>e.g. Xiao Wang</source>
            <translation>e.g. Xiao Wang</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Set password of the selected operator</source>
            <translation>Set password of the selected operator</translation>
        </message>
        <message>
            <source>Choose an operator in the list first.</source>
            <translation>Choose an operator in the list first.</translation>
        </message>
        <message>
            <source>Add operator</source>
            <translation>Add operator</translation>
        </message>
        <message>
            <source>Add an operator</source>
            <translation>Add an operator</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Repeat password</translation>
        </message>
        <message>
            <source>Only the owner may add operators.</source>
            <translation>Only the owner may add operators.</translation>
        </message>
        <message>
            <source>Switch operator…</source>
            <translation>Switch operator…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Working as %1</source>
            <translation>Working as %1</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <source>Change my password</source>
            <translation>Change my password</translation>
        </message>
        <message>
            <source>Type the new password twice.</source>
            <translation>Type the new password twice.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <source>Team database</source>
            <translation>Team database</translation>
        </message>
        <message>
            <source>A PostgreSQL server address. A password typed here is used but never saved.</source>
            <translation>A PostgreSQL server address. A password typed here is used but never saved.</translation>
        </message>
        <message>
            <source>Open the team database when QunDesk starts</source>
            <translation>Open the team database when QunDesk starts</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>Copy this workspace to the team database…</source>
            <translation>Copy this workspace to the team database…</translation>
        </message>
        <message>
            <source>Only the owner may copy the workspace</source>
            <translation>Only the owner may copy the workspace</translation>
        </message>
        <message>
            <source>QunDesk works on one database at a time. To work on the team database, tick the box above and restart QunDesk (it asks for the password), or start it with --db URL or QUNDESK_DB=URL. The password is never saved.</source>
            <translation>QunDesk works on one database at a time. To work on the team database, tick the box above and restart QunDesk (it asks for the password), or start it with --db URL or QUNDESK_DB=URL. The password is never saved.</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Server address</translation>
        </message>
        <message>
            <source>Password for %1 (leave empty if there is none):</source>
            <translation>Password for %1 (leave empty if there is none):</translation>
        </message>
        <message>
            <source>Type the team database address first, e.g. %1</source>
            <translation>Type the team database address first, e.g. %1</translation>
        </message>
        <message>
            <source>Not a database address: %1</source>
            <translation>Not a database address: %1</translation>
        </message>
        <message>
            <source>No team database.</source>
            <translation>No team database.</translation>
        </message>
        <message>
            <source>Saved. QunDesk opens the team database at the next start.</source>
            <translation>Saved. QunDesk opens the team database at the next start.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Copy everything in this workspace (groups, members, check-ins, points, the audit log …) into the team database %1? The team database must be empty; nothing is written if anything goes wrong.</source>
            <translation>Copy everything in this workspace (groups, members, check-ins, points, the audit log …) into the team database %1? The team database must be empty; nothing is written if anything goes wrong.</translation>
        </message>
        <message>
            <source>Copying…</source>
            <translation>Copying…</translation>
        </message>
        <message>
            <source>Copied and verified %1 rows in %2 tables: %3</source>
            <translation>Copied and verified %1 rows in %2 tables: %3</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Made</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Back up now</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>Restore…</translation>
        </message>
        <message>
            <source>Only the owner may restore a backup</source>
            <translation>Only the owner may restore a backup</translation>
        </message>
        <message>
            <source>Open backup folder</source>
            <translation>Open backup folder</translation>
        </message>
        <message>
            <source>QunDesk backs the workspace up on the first start of each day. A backup is restored into a new workspace file; the workspace that is open now stays as it is.</source>
            <translation>QunDesk backs the workspace up on the first start of each day. A backup is restored into a new workspace file; the workspace that is open now stays as it is.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Not readable</source>
            <translation>Not readable</translation>
        </message>
        <message>
            <source>No backups yet.</source>
            <translation>No backups yet.</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>QunDesk workspace (*.sqlite)</source>
            <translation>QunDesk workspace (*.sqlite)</translation>
        </message>
        <message>
            <source>Restore the backup %1 into a new workspace file? The workspace that is open now is not changed; you then restart QunDesk on the restored file.</source>
            <translation>Restore the backup %1 into a new workspace file? The workspace that is open now is not changed; you then restart QunDesk on the restored file.</translation>
        </message>
        <message>
            <source>Restore into a new workspace file</source>
            <translation>Restore into a new workspace file</translation>
        </message>
        <message>
            <source>%1 already exists. Choose a new file: a restore never replaces a workspace.</source>
            <translation>%1 already exists. Choose a new file: a restore never replaces a workspace.</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Restoring…</translation>
        </message>
        <message>
            <source>Connection OK.</source>
            <translation>Connection OK.</translation>
        </message>
        <message>
            <source>To work on the team database, tick “Open the team database when QunDesk starts” and restart.</source>
            <translation>To work on the team database, tick “Open the team database when QunDesk starts” and restart.</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>Backed up to %1</translation>
        </message>
        <message>
            <source>Restored into %1. The open workspace is unchanged. To work on the restored one, restart QunDesk with: qundesk --db "%1"</source>
            <translation>Restored into %1. The open workspace is unchanged. To work on the restored one, restart QunDesk with: qundesk --db "%1"</translation>
        </message>
        <message>
            <source>Cancelled. Nothing was written.</source>
            <translation>Cancelled. Nothing was written.</translation>
        </message>
        <message>
            <source>Backing up</source>
            <translation>Backing up</translation>
        </message>
        <message>
            <source>Restoring a backup</source>
            <translation>Restoring a backup</translation>
        </message>
        <message>
            <source>Copying to the team database</source>
            <translation>Copying to the team database</translation>
        </message>
        <message>
            <source>Testing the connection</source>
            <translation>Testing the connection</translation>
        </message>
        <message>
            <source>Only the owner or an admin may take a backup</source>
            <translation>Only the owner or an admin may take a backup</translation>
        </message>
        <message>
            <source>Replace the workspace</source>
            <translation>Replace the workspace</translation>
        </message>
        <message>
            <source>Into a new file…</source>
            <translation>Into a new file…</translation>
        </message>
        <message>
            <source>Restore the backup %1?

Replace the workspace: the workspace as it is now is kept beside it as %2, the backup takes its place and QunDesk reopens on it.
Into a new file: the open workspace stays as it is.</source>
            <translation>Restore the backup %1?

Replace the workspace: the workspace as it is now is kept beside it as %2, the backup takes its place and QunDesk reopens on it.
Into a new file: the open workspace stays as it is.</translation>
        </message>
        <message>
            <source>Restored and checked: the workspace is reopened on it…</source>
            <translation>Restored and checked: the workspace is reopened on it…</translation>
        </message>
        <message>
            <source>Sync copy</source>
            <translation>Sync copy</translation>
        </message>
        <message>
            <source>Not restored: the workspace is as it was.</source>
            <translation>Not restored: the workspace is as it was.</translation>
        </message>
    </context>
    <context>
        <name>SwitchOperatorDialog</name>
        <message>
            <source>Switch operator</source>
            <translation>Switch operator</translation>
        </message>
        <message>
            <source>Switch</source>
            <translation>Switch</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Currently working as %1.</source>
            <translation>Currently working as %1.</translation>
        </message>
        <message>
            <source>This operator has no password.</source>
            <translation>This operator has no password.</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>Wrong password.</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>This workspace needs you to sign in.</source>
            <translation>This workspace needs you to sign in.</translation>
        </message>
    </context>
</TS>
