<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ExceptionDialog</name>
        <message>
            <location filename="../../ui/dialogs/exception_dialog.py" line="+23" />
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <location line="+6" />
            <source>QunDesk ran into a problem it did not expect. Everything saved before this point is safe. Please copy the details below and send them to whoever looks after QunDesk for you.</source>
            <translation>QunDesk ran into a problem it did not expect. Everything saved before this point is safe. Please copy the details below and send them to whoever looks after QunDesk for you.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the details to the clipboard</source>
            <translation>Copy the details to the clipboard</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Copied</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>FileDialogs</name>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>%1 file</source>
            <translation>%1 file</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../ui/dialogs/first_run_dialog.py" line="+72" />
            <location line="+1" />
            <source>Welcome to QunDesk</source>
            <translation>Welcome to QunDesk</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This workspace is empty. Explore QunDesk with a demo workspace, or start with your own groups.</source>
            <translation>This workspace is empty. Explore QunDesk with a demo workspace, or start with your own groups.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create a demo workspace</source>
            <translation>Create a demo workspace</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Start empty</source>
            <translation>Start empty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Create your first group yourself (File ▸ New group…).</source>
            <translation>Create your first group yourself (File ▸ New group…).</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Creating the demo workspace…</source>
            <translation>Creating the demo workspace…</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The demo could not be created: %1</source>
            <translation>The demo could not be created: %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancelled. Nothing was written; the workspace is still empty.</source>
            <translation>Cancelled. Nothing was written; the workspace is still empty.</translation>
        </message>
        <message>
            <source>%1 groups and %2, all made up — some in two groups, some who only applied or left — with three months of check-ins, activities and points.</source>
            <translation>%1 groups and %2, all made up — some in two groups, some who only applied or left — with three months of check-ins, activities and points.</translation>
        </message>
    </context>
    <context>
        <name>GroupDialog</name>
        <message>
            <location filename="../../ui/dialogs/group_dialog.py" line="+52" />
            <source>New group</source>
            <translation>New group</translation>
        </message>
        <message>
            <location line="+4" />
            <source>e.g. Early risers, group 3</source>
            <translation>e.g. Early risers, group 3</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A WeChat group holds at most 500 people</source>
            <translation>A WeChat group holds at most 500 people</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Threshold fee; a group with a fee gets a payment step in its entry process</source>
            <translation>Threshold fee; a group with a fee gets a payment step in its entry process</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What the group is for, in one sentence</source>
            <translation>What the group is for, in one sentence</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Threshold fee</source>
            <translation>Threshold fee</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Goal</source>
            <translation>Goal</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Create</source>
            <translation>Create</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New groups start with the standard entry process and point rules; you can change them later.</source>
            <translation>New groups start with the standard entry process and point rules; you can change them later.</translation>
        </message>
    </context>
    <context>
        <name>GroupKind</name>
        <message>
            <location line="-67" />
            <source>Product community</source>
            <translation>Product community</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Self-media community</source>
            <translation>Self-media community</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service community</source>
            <translation>Service community</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Brand community</source>
            <translation>Brand community</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User community</source>
            <translation>User community</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Learning group</source>
            <translation>Learning group</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hobby group</source>
            <translation>Hobby group</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Training camp</source>
            <translation>Training camp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>%1, row %2: %3</source>
            <translation>%1, row %2: %3</translation>
        </message>
        <message numerus="yes">
            <source>Leave out the %n row(s) with problems and import the others</source>
            <translation>
                <numerusform>Leave out the %Ln row with problems and import the others</numerusform>
                <numerusform>Leave out the %Ln rows with problems and import the others</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with problems left out (listed below).</source>
            <translation>
                <numerusform>%Ln row with problems left out (listed below).</numerusform>
                <numerusform>%Ln rows with problems left out (listed below).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n referrer(s) not set: they named a row that was left out.</source>
            <translation>
                <numerusform>%Ln referrer not set: it named a row that was left out.</numerusform>
                <numerusform>%Ln referrers not set: they named a row that was left out.</numerusform>
            </translation>
        </message>
        <message>
            <source>Left the group on</source>
            <translation>Left the group on</translation>
        </message>
        <message>
            <source>Date of the status change</source>
            <translation>Date of the status change</translation>
        </message>
        <message>
            <source>QQ number</source>
            <translation>QQ number</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_dialog.py" line="+68" />
            <location line="+156" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="-155" />
            <source>Nickname</source>
            <translation>Nickname</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group nickname</source>
            <translation>Group nickname</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>Joined</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrer</source>
            <translation>Referrer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Real-name verified</source>
            <translation>Real-name verified</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applied</source>
            <translation>Applied</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Purpose question step</source>
            <translation>Purpose question step</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Entry fee paid (the fee step)</source>
            <translation>Entry fee paid (the fee step)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Update</source>
            <translation>Update</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unchanged</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+131" />
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changes or problems</source>
            <translation>Changes or problems</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Import people</source>
            <translation>Import people</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Choose an .xlsx or .csv file</source>
            <translation>Choose an .xlsx or .csv file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Roster (members)</source>
            <translation>Roster (members)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applications (survey export)</source>
            <translation>Applications (survey export)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Group name (a new name creates the group)</source>
            <translation>Group name (a new name creates the group)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import as:</source>
            <translation>Import as:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Into group:</source>
            <translation>Into group:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Columns</source>
            <translation>Columns</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+185" />
            <source>Check what each column holds; correct it where the guess is wrong.</source>
            <translation>Check what each column holds; correct it where the guess is wrong.</translation>
        </message>
        <message>
            <location line="-181" />
            <source>Column</source>
            <translation>Column</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Example</source>
            <translation>Example</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Imports as</source>
            <translation>Imports as</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Preview</source>
            <translation>Preview</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose a file to see what will be imported.</source>
            <translation>Choose a file to see what will be imported.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only rows with problems</source>
            <translation>Only rows with problems</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Choose a file to import</source>
            <translation>Choose a file to import</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spreadsheets (*.xlsx *.xlsm *.csv *.tsv);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.tsv);;All files (*)</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Enter the group to import into.</source>
            <translation>Enter the group to import into.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Reading the file…</source>
            <translation>Reading the file…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Checking rows…</source>
            <translation>Checking rows…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Survey questions are recognised by their wording; every other answer is kept on the note.</source>
            <translation>Survey questions are recognised by their wording; every other answer is kept on the note.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(no header)</source>
            <translation>(no header)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(not imported)</source>
            <translation>(not imported)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 to add</source>
            <translation>%1 to add</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 to update</source>
            <translation>%1 to update</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 unchanged</source>
            <translation>%1 unchanged</translation>
        </message>
        <message numerus="yes">
            <location line="+5" />
            <source>%n problem(s): fix the file (or the column mapping) and choose it again. %2</source>
            <translation>
                <numerusform>%Ln problem: fix the file (or the column mapping) and choose it again. %2</numerusform>
                <numerusform>%Ln problems: fix the file (or the column mapping) and choose it again. %2</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>— the group “%1” will be created.</source>
            <translation>— the group “%1” will be created.</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Imported: %1 added, %2 updated, %3 unchanged.</source>
            <translation>Imported: %1 added, %2 updated, %3 unchanged.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The group “%1” was created.</source>
            <translation>The group “%1” was created.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Something went wrong: %1</source>
            <translation>Something went wrong: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Import cancelled. Nothing was written.</source>
            <translation>Import cancelled. Nothing was written.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>WeChat wxid (when the WeChat ID is empty)</source>
            <translation>WeChat wxid (when the WeChat ID is empty)</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Skipped</translation>
        </message>
        <message>
            <source>footer below the table, not a person</source>
            <translation>footer below the table, not a person</translation>
        </message>
        <message>
            <source>the header row again, not a person</source>
            <translation>the header row again, not a person</translation>
        </message>
        <message>
            <source>blank row below the table</source>
            <translation>blank row below the table</translation>
        </message>
        <message>
            <source>title above the header</source>
            <translation>title above the header</translation>
        </message>
        <message>
            <source>example row of the template, not a person</source>
            <translation>example row of the template, not a person</translation>
        </message>
        <message>
            <source>Order or sign-up status (refunded, cancelled: not imported)</source>
            <translation>Order or sign-up status (refunded, cancelled: not imported)</translation>
        </message>
        <message>
            <source>refunded, cancelled or declined order or sign-up, not a member</source>
            <translation>refunded, cancelled or declined order or sign-up, not a member</translation>
        </message>
        <message>
            <source>another order of the same person</source>
            <translation>another order of the same person</translation>
        </message>
        <message>
            <source>a member of another group in the file, not imported</source>
            <translation>a member of another group in the file, not imported</translation>
        </message>
        <message>
            <source>staff of the company, not a member: not imported</source>
            <translation>staff of the company, not a member: not imported</translation>
        </message>
        <message>
            <source>The sheet with the member table is chosen; pick another if it is wrong.</source>
            <translation>The sheet with the member table is chosen; pick another if it is wrong.</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>Sheet:</translation>
        </message>
        <message>
            <source>Sheet “%1” of %2.</source>
            <translation>Sheet “%1” of %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n title row(s) above the header skipped.</source>
            <translation>
                <numerusform>%Ln title row above the header skipped.</numerusform>
                <numerusform>%Ln title rows above the header skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n footer or blank row(s) below the table skipped (listed at the end).</source>
            <translation>
                <numerusform>%Ln footer or blank row below the table skipped (listed at the end).</numerusform>
                <numerusform>%Ln footer or blank rows below the table skipped (listed at the end).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order or sign-up row(s) skipped: refunded, cancelled or declined, or another order of someone above (listed at the end).</source>
            <translation>
                <numerusform>%Ln order or sign-up row skipped: refunded, cancelled or declined, or another order of someone above (listed at the end).</numerusform>
                <numerusform>%Ln order or sign-up rows skipped: refunded, cancelled or declined, or another order of someone above (listed at the end).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of other groups in the file skipped (listed at the end).</source>
            <translation>
                <numerusform>%Ln row of another group in the file skipped (listed at the end).</numerusform>
                <numerusform>%Ln rows of other groups in the file skipped (listed at the end).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) of the company's own staff skipped: not members (listed at the end).</source>
            <translation>
                <numerusform>%Ln row of the company's own staff skipped: not a member (listed at the end).</numerusform>
                <numerusform>%Ln rows of the company's own staff skipped: not members (listed at the end).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n merged cell(s) filled from the row above.</source>
            <translation>
                <numerusform>%Ln merged cell filled from the row above.</numerusform>
                <numerusform>%Ln merged cells filled from the row above.</numerusform>
            </translation>
        </message>
        <message>
            <source>No name column: the name is the group nickname, else the WeChat nickname.</source>
            <translation>No name column: the name is the group nickname, else the WeChat nickname.</translation>
        </message>
        <message>
            <source>This is the roster of “%1”, another group: its join and leaving dates are not read — new members join on the day of the import, people already here get only their own details updated, and %1's former members are not imported.</source>
            <translation>This is the roster of “%1”, another group: its join and leaving dates are not read — new members join on the day of the import, people already here get only their own details updated, and %1's former members are not imported.</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with warnings (shown in amber); they are imported.</source>
            <translation>
                <numerusform>%Ln row with warnings (shown in amber); it is imported.</numerusform>
                <numerusform>%Ln rows with warnings (shown in amber); they are imported.</numerusform>
            </translation>
        </message>
        <message>
            <source>A big file: the preview lists the first rows and every row with a problem or warning.</source>
            <translation>A big file: the preview lists the first rows and every row with a problem or warning.</translation>
        </message>
        <message>
            <source>merged cells filled from above: %1</source>
            <translation>merged cells filled from above: %1</translation>
        </message>
        <message>
            <source>also submitted in row %1 (the latest answers win)</source>
            <translation>also submitted in row %1 (the latest answers win)</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>No check-in</source>
            <translation>No check-in</translation>
        </message>
        <message>
            <source>New: %1 (late: %2) · already there: %3 · leave days: %4 · leave already recorded: %5</source>
            <translation>New: %1 (late: %2) · already there: %3 · leave days: %4 · leave already recorded: %5</translation>
        </message>
        <message>
            <source>Check-ins (export or 打卡表)</source>
            <translation>Check-ins (export or 打卡表)</translation>
        </message>
        <message>
            <source>YYYY-MM, when the day columns are 1 2 3 … or have no year</source>
            <translation>YYYY-MM, when the day columns are 1 2 3 … or have no year</translation>
        </message>
        <message>
            <source>Month:</source>
            <translation>Month:</translation>
        </message>
        <message>
            <source>Check-ins to log: %1 · already there: %2 · leave days to record: %3</source>
            <translation>Check-ins to log: %1 · already there: %2 · leave days to record: %3</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s): fix the file and choose it again. %2</source>
            <translation>
                <numerusform>%Ln problem: fix the file and choose it again. %2</numerusform>
                <numerusform>%Ln problems: fix the file and choose it again. %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Days read: %1</source>
            <translation>Days read: %1</translation>
        </message>
        <message>
            <source>Columns not used: %1</source>
            <translation>Columns not used: %1</translation>
        </message>
        <message>
            <source>Other sheets that are check-in tables too, not read now: %1 (choose each sheet to import it)</source>
            <translation>Other sheets that are check-in tables too, not read now: %1 (choose each sheet to import it)</translation>
        </message>
        <message>
            <source>Imported. Check-ins logged: %1 · already there: %2 · leave days recorded: %3.</source>
            <translation>Imported. Check-ins logged: %1 · already there: %2 · leave days recorded: %3.</translation>
        </message>
        <message>
            <source>Group name (it must exist: check-ins belong to its members)</source>
            <translation>Group name (it must exist: check-ins belong to its members)</translation>
        </message>
        <message>
            <source>no name, WeChat ID or phone answered: nobody to add</source>
            <translation>no name, WeChat ID or phone answered: nobody to add</translation>
        </message>
        <message>
            <source>Note (survey answer)</source>
            <translation>Note (survey answer)</translation>
        </message>
        <message>
            <source>Camp days counted from the camp's first day, %1.</source>
            <translation>Camp days counted from the camp's first day, %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.tsv *.txt);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.tsv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>a note or section line among the rows, not a person</source>
            <translation>a note or section line among the rows, not a person</translation>
        </message>
        <message numerus="yes">
            <source>%n repeated header, note or section row(s) among the rows skipped (listed at the end).</source>
            <translation>
                <numerusform>%Ln repeated header, note or section row among the rows skipped (listed at the end).</numerusform>
                <numerusform>%Ln repeated header, note or section rows among the rows skipped (listed at the end).</numerusform>
            </translation>
        </message>
        <message>
            <source>Columns hidden in the sheet are imported too: %1 (set them to “not imported” above if they should not be).</source>
            <translation>Columns hidden in the sheet are imported too: %1 (set them to “not imported” above if they should not be).</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) of this group are not in the file: left as they are (an import never removes anyone): %1</source>
            <translation>
                <numerusform>%Ln member of this group is not in the file: left as they are (an import never removes anyone): %1</numerusform>
                <numerusform>%Ln members of this group are not in the file: left as they are (an import never removes anyone): %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Columns hidden in the sheet, read too: %1</source>
            <translation>Columns hidden in the sheet, read too: %1</translation>
        </message>
        <message>
            <source>The import of %1 was undone.</source>
            <translation>The import of %1 was undone.</translation>
        </message>
        <message>
            <source>check-ins</source>
            <translation>check-ins</translation>
        </message>
        <message>
            <source>leave</source>
            <translation>leave</translation>
        </message>
        <message>
            <source>entry steps</source>
            <translation>entry steps</translation>
        </message>
        <message>
            <source>tags</source>
            <translation>tags</translation>
        </message>
        <message>
            <source>values restored</source>
            <translation>values restored</translation>
        </message>
        <message>
            <source>Taken back: %1.</source>
            <translation>Taken back: %1.</translation>
        </message>
        <message>
            <source>Removed from the group: %1.</source>
            <translation>Removed from the group: %1.</translation>
        </message>
        <message>
            <source>Kept as they are:</source>
            <translation>Kept as they are:</translation>
        </message>
        <message>
            <source>Undo this import</source>
            <translation>Undo this import</translation>
        </message>
        <message>
            <source>Undoing the import…</source>
            <translation>Undoing the import…</translation>
        </message>
        <message>
            <source>Undo cancelled. Nothing was changed.</source>
            <translation>Undo cancelled. Nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>Lists</name>
        <message>
            <source>, </source>
            <translation>, </translation>
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
            <translation>QunDesk</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Cannot open the database %1: %2</source>
            <translation>Cannot open the database %1: %2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="+12" />
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The health of every group at a glance: active members, check-in rate, dormant members, the 5/20/75 structure and zombie-group alerts.</source>
            <translation>The health of every group at a glance: active members, check-in rate, dormant members, the 5/20/75 structure and zombie-group alerts.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Roster</source>
            <translation>Roster</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Onboarding</source>
            <translation>Onboarding</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Each group's entry steps, who is stuck at which step, and the funnel from applicant to member.</source>
            <translation>Each group's entry steps, who is stuck at which step, and the funnel from applicant to member.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fast daily check-ins: type a few letters or paste the chat chain, with streaks, leave and a calendar heat-map.</source>
            <translation>Fast daily check-ins: type a few letters or paste the chat chain, with streaks, leave and a calendar heat-map.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Activities and numbered series with attendance, ticked from a list or pasted from a sign-up chain.</source>
            <translation>Activities and numbered series with attendance, ticked from a list or pasted from a sign-up chain.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Point rules, manual adjustments with a reason, levels and the leaderboard.</source>
            <translation>Point rules, manual adjustments with a reason, levels and the leaderboard.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The monthly Excel workbook for one group or all groups, ready to print or forward, in one click.</source>
            <translation>The monthly Excel workbook for one group or all groups, ready to print or forward, in one click.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New group…</source>
            <translation>&amp;New group…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Only the owner or an admin may create groups</source>
            <translation>Only the owner or an admin may create groups</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About QunDesk</source>
            <translation>&amp;About QunDesk</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Groups</source>
            <translation>Groups</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New group…</source>
            <translation>New group…</translation>
        </message>
        <message>
            <location line="+90" />
            <source>Database: %1</source>
            <translation>Database: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Operator: %1</source>
            <translation>Operator: %1</translation>
        </message>
        <message>
            <location line="+29" />
            <source>All groups</source>
            <translation>All groups</translation>
        </message>
        <message>
            <location line="+73" />
            <source>About QunDesk</source>
            <translation>About QunDesk</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;QunDesk&lt;/b&gt; %1&lt;br&gt;A desktop assistant for people who run WeChat and QQ groups: roster, entry steps, check-ins, points, group health and monthly Excel reports.</source>
            <translation>&lt;b&gt;QunDesk&lt;/b&gt; %1&lt;br&gt;A desktop assistant for people who run WeChat and QQ groups: roster, entry steps, check-ins, points, group health and monthly Excel reports.</translation>
        </message>
        <message>
            <source>Restored into %1.</source>
            <translation>Restored into %1.</translation>
        </message>
        <message>
            <source>The workspace is damaged: %1

Restore the latest backup into a new file and open it?</source>
            <translation>The workspace is damaged: %1

Restore the latest backup into a new file and open it?</translation>
        </message>
        <message>
            <source>There is no backup to restore.</source>
            <translation>There is no backup to restore.</translation>
        </message>
        <message>
            <source>This workspace is already open in another window: %1.
%2</source>
            <translation>This workspace is already open in another window: %1.
%2</translation>
        </message>
        <message>
            <source>If QunDesk is not open there any more (it stopped on another computer, or the program named is not QunDesk), close this message, delete the lock file %1 and start QunDesk again.</source>
            <translation>If QunDesk is not open there any more (it stopped on another computer, or the program named is not QunDesk), close this message, delete the lock file %1 and start QunDesk again.</translation>
        </message>
        <message>
            <source>&amp;Tiers, roles and tags…</source>
            <translation>&amp;Tiers, roles and tags…</translation>
        </message>
        <message>
            <source>Import a &amp;chat history…</source>
            <translation>Import a &amp;chat history…</translation>
        </message>
        <message>
            <source>Members: %1 of %2 places, %3% used</source>
            <translation>Members: %1 of %2 places, %3% used</translation>
        </message>
        <message>
            <source>%1 in all groups: %2 (someone in two groups is a member of both)</source>
            <translation>%1 in all groups: %2 (someone in two groups is a member of both)</translation>
        </message>
        <message>
            <source>%1 in all groups</source>
            <translation>%1 in all groups</translation>
        </message>
        <message>
            <source>Checking the workspace… saving waits until it is done</source>
            <translation>Checking the workspace… saving waits until it is done</translation>
        </message>
        <message>
            <source>Workspace checked</source>
            <translation>Workspace checked</translation>
        </message>
        <message>
            <source>Workspace checked · taking today's backup…</source>
            <translation>Workspace checked · taking today's backup…</translation>
        </message>
        <message>
            <source>today's backup saved</source>
            <translation>today's backup saved</translation>
        </message>
        <message>
            <source>Automatic backup failed: %1</source>
            <translation>Automatic backup failed: %1</translation>
        </message>
        <message>
            <source>There is no workspace at %1.

Create a new, empty workspace there?</source>
            <translation>There is no workspace at %1.

Create a new, empty workspace there?</translation>
        </message>
        <message>
            <source>QunDesk is still working: %1.</source>
            <translation>QunDesk is still working: %1.</translation>
        </message>
        <message>
            <source>Stop it and close? What it has not finished is not written.</source>
            <translation>Stop it and close? What it has not finished is not written.</translation>
        </message>
        <message>
            <source>Stop and close</source>
            <translation>Stop and close</translation>
        </message>
        <message>
            <source>Keep working</source>
            <translation>Keep working</translation>
        </message>
        <message>
            <source>Finished before it could be stopped: %1. It was completed and written, not cancelled.</source>
            <translation>Finished before it could be stopped: %1. It was completed and written, not cancelled.</translation>
        </message>
        <message>
            <source>The workspace is damaged: %1

Put its latest backup in its place and open it? The damaged file is kept beside it under a new name.</source>
            <translation>The workspace is damaged: %1

Put its latest backup in its place and open it? The damaged file is kept beside it under a new name.</translation>
        </message>
        <message>
            <source>Restored the latest backup into %1. The damaged file was kept as %2.</source>
            <translation>Restored the latest backup into %1. The damaged file was kept as %2.</translation>
        </message>
        <message>
            <source>The backup is restored into %1. The workspace as it was is kept as %2.</source>
            <translation>The backup is restored into %1. The workspace as it was is kept as %2.</translation>
        </message>
        <message>
            <source>A sync tool left other copies of this workspace beside it: %1. What was saved in them is not in this one; to use one instead, restore it in Settings › Backups.</source>
            <translation>A sync tool left other copies of this workspace beside it: %1. What was saved in them is not in this one; to use one instead, restore it in Settings › Backups.</translation>
        </message>
        <message>
            <source>&amp;Undo the last import…</source>
            <translation>&amp;Undo the last import…</translation>
        </message>
        <message>
            <source>Undo the last import…</source>
            <translation>Undo the last import…</translation>
        </message>
        <message>
            <source>Undo the last import</source>
            <translation>Undo the last import</translation>
        </message>
        <message>
            <source>No import in this workspace can be undone.</source>
            <translation>No import in this workspace can be undone.</translation>
        </message>
        <message>
            <source>“%1” has no import that can be undone (imports made before this version kept no record).</source>
            <translation>“%1” has no import that can be undone (imports made before this version kept no record).</translation>
        </message>
        <message>
            <source>The last import of “%1” was made by %2: an assistant may undo only their own imports.</source>
            <translation>The last import of “%1” was made by %2: an assistant may undo only their own imports.</translation>
        </message>
        <message>
            <source>roster</source>
            <translation>roster</translation>
        </message>
        <message>
            <source>applications</source>
            <translation>applications</translation>
        </message>
        <message>
            <source>check-ins</source>
            <translation>check-ins</translation>
        </message>
        <message>
            <source>Undo the import of %1 (%2) into “%3”, made by %4 on %5? Only what it added and changed is taken back; anything recorded since stays and is listed.</source>
            <translation>Undo the import of %1 (%2) into “%3”, made by %4 on %5? Only what it added and changed is taken back; anything recorded since stays and is listed.</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Holds a phone number you cannot see in full: only the owner or an admin may change it</source>
            <translation>Holds a phone number you cannot see in full: only the owner or an admin may change it</translation>
        </message>
        <message>
            <source>same name</source>
            <translation>same name</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>in %1</translation>
        </message>
        <message>
            <source>Add %1 to this group</source>
            <translation>Add %1 to this group</translation>
        </message>
        <message>
            <source>The person already on the roster of %1 joins this group as a member; nothing typed here is saved.</source>
            <translation>The person already on the roster of %1 joins this group as a member; nothing typed here is saved.</translation>
        </message>
        <message>
            <source>Merge… works on the records already saved: what you typed in this form is not saved.</source>
            <translation>Merge… works on the records already saved: what you typed in this form is not saved.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/member_dialog.py" line="+158" />
            <source>Edit member — %1</source>
            <translation>Edit member — %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add member</source>
            <translation>Add member</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Your role may not edit members</source>
            <translation>Your role may not edit members</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name shown in this group</source>
            <translation>Name shown in this group</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 138 0013 8000</source>
            <translation>e.g. 138 0013 8000</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+20" />
            <location line="+3" />
            <source>Not set</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location line="-22" />
            <source>Male</source>
            <translation>Male</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Female</source>
            <translation>Female</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Clear the join date</source>
            <translation>Clear the join date</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Seed user</source>
            <translation>Seed user</translation>
        </message>
        <message>
            <location line="-26" />
            <source>Comma separated, e.g. early riser, reading</source>
            <translation>Comma separated, e.g. early riser, reading</translation>
        </message>
        <message>
            <location line="+27" />
            <source>One of the first, most engaged members</source>
            <translation>One of the first, most engaged members</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Real-name verified</source>
            <translation>Real-name verified</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only whether it was verified is kept, never an ID number</source>
            <translation>Only whether it was verified is kept, never an ID number</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Their answer to “Why do you want to join?”</source>
            <translation>Their answer to “Why do you want to join?”</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name *</source>
            <translation>Name *</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nickname</source>
            <translation>Nickname</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occupation</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="+5" />
            <source>In this group</source>
            <translation>In this group</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group nickname</source>
            <translation>Group nickname</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>Joined</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+130" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="-14" />
            <source>same WeChat ID</source>
            <translation>same WeChat ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>same phone number</source>
            <translation>same phone number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>very similar name in this group</source>
            <translation>very similar name in this group</translation>
        </message>
        <message>
            <source>WeChat %1</source>
            <translation>WeChat %1</translation>
        </message>
        <message>
            <source>phone …%1</source>
            <translation>phone …%1</translation>
        </message>
        <message>
            <source>An ID-card number is never stored: only its last four characters are kept, as shown. Check the field and save again.</source>
            <translation>An ID-card number is never stored: only its last four characters are kept, as shown. Check the field and save again.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Possible duplicate</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This person may already be in the roster:</source>
            <translation>This person may already be in the roster:</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save anyway</source>
            <translation>Save anyway</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Create a group first (File ▸ New group…)</source>
            <translation>Create a group first (File ▸ New group…)</translation>
        </message>
    </context>
    <context>
        <name>MembershipStatus</name>
        <message>
            <location filename="../../ui/models/roster_table_model.py" line="+67" />
            <source>Applicant</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Onboarding</source>
            <translation>Onboarding</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Left</source>
            <translation>Left</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Removed</source>
            <translation>Removed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Blacklisted</source>
            <translation>Blacklisted</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../ui/messages.py" line="+57" />
            <source>QunDesk</source>
            <translation>QunDesk</translation>
        </message>
    </context>
    <context>
        <name>OperatorRole</name>
        <message>
            <location line="-41" />
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Admin</source>
            <translation>Admin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assistant</source>
            <translation>Assistant</translation>
        </message>
        <message>
            <location line="+52" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <location filename="../../ui/pages/placeholder_page.py" line="+21" />
            <source>Coming soon</source>
            <translation>Coming soon</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <location filename="../../ui/pages/roster_page.py" line="+64" />
            <source>Search name, nickname, WeChat ID, phone tail, pinyin (zs)</source>
            <translation>Search name, nickname, WeChat ID, phone tail, pinyin (zs)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Show deleted</source>
            <translation>Show deleted</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Add member</source>
            <translation>Add member</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Only the owner or an admin may delete members</source>
            <translation>Only the owner or an admin may delete members</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your role may not edit members</source>
            <translation>Your role may not edit members</translation>
        </message>
        <message>
            <location line="+14" />
            <source>No one matches this search or filter.</source>
            <translation>No one matches this search or filter.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No members here yet. Add the first one with “Add member”.</source>
            <translation>No members here yet. Add the first one with “Add member”.</translation>
        </message>
        <message>
            <source>No groups yet. Create the first one with File ▸ New group… (or the + beside “Groups”), then add its members or import a roster with Tools ▸ Import….</source>
            <translation>No groups yet. Create the first one with File ▸ New group… (or the + beside “Groups”), then add its members or import a roster with Tools ▸ Import….</translation>
        </message>
        <message>
            <location line="+24" />
            <source>All tiers</source>
            <translation>All tiers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All tags</source>
            <translation>All tags</translation>
        </message>
        <message numerus="yes">
            <location line="+51" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+118" />
            <source>Deleted %n person(s).</source>
            <translation>
                <numerusform>Deleted %Ln person.</numerusform>
                <numerusform>Deleted %Ln people.</numerusform>
            </translation>
        </message>
        <message>
            <location line="-2" />
            <source>Deleted %1.</source>
            <translation>Deleted %1.</translation>
        </message>
    </context>
    <context>
        <name>RosterTableModel</name>
        <message>
            <location filename="../../ui/models/roster_table_model.py" line="-33" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nickname</source>
            <translation>Nickname</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tier</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>Tags</translation>
        </message>
        <message>
            <location line="+1" />
            <source>WeChat ID</source>
            <translation>WeChat ID</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Joined</source>
            <translation>Joined</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last activity</source>
            <translation>Last activity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <location line="+252" />
            <source>Deleted — select it and choose Restore</source>
            <translation>Deleted — select it and choose Restore</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nickname: %1 · Group nickname: %2</source>
            <translation>Nickname: %1 · Group nickname: %2</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>The community's time zone</source>
            <translation>The community's time zone</translation>
        </message>
        <message>
            <source>This computer's zone (%1)</source>
            <translation>This computer's zone (%1)</translation>
        </message>
        <message>
            <source>Check-ins, chat messages and form times are dated on this zone's days, wherever this computer is.</source>
            <translation>Check-ins, chat messages and form times are dated on this zone's days, wherever this computer is.</translation>
        </message>
        <message>
            <source>Not saved yet: the rules apply once saved.</source>
            <translation>Not saved yet: the rules apply once saved.</translation>
        </message>
        <message>
            <source>Save the changed workspace rules?</source>
            <translation>Save the changed workspace rules?</translation>
        </message>
        <message>
            <source>Not saved, they do not apply: the saved rules are put back.</source>
            <translation>Not saved, they do not apply: the saved rules are put back.</translation>
        </message>
        <message>
            <source>Discard changes</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="+32" />
            <source>Onboarding counts as stalled after</source>
            <translation>Onboarding counts as stalled after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A member is dormant after no participation for</source>
            <translation>A member is dormant after no participation for</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flag a silent newcomer after</source>
            <translation>Flag a silent newcomer after</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zombie group when the 7-day active share is below</source>
            <translation>Zombie group when the 7-day active share is below</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zombie group after no participation for</source>
            <translation>Zombie group after no participation for</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Warn when a group is this full</source>
            <translation>Warn when a group is this full</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flag a member after this many violations</source>
            <translation>Flag a member after this many violations</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Count violations within the last</source>
            <translation>Count violations within the last</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Automatic backups to keep</source>
            <translation>Automatic backups to keep</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The new language applies the next time QunDesk starts.</source>
            <translation>The new language applies the next time QunDesk starts.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Display language</source>
            <translation>Display language</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Workspace rules (shared by everyone using this workspace)</source>
            <translation>Workspace rules (shared by everyone using this workspace)</translation>
        </message>
        <message>
            <location line="+17" />
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save workspace rules</source>
            <translation>Save workspace rules</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Only the owner or an admin may change these.</source>
            <translation>Only the owner or an admin may change these.</translation>
        </message>
        <message>
            <source>A change applies from today on. Earlier months keep the rules they had: their figures and workbooks stay as they were, and each workbook names the rules it used.</source>
            <translation>A change applies from today on. Earlier months keep the rules they had: their figures and workbooks stay as they were, and each workbook names the rules it used.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Workspace</source>
            <translation>Workspace</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <location filename="../../ui/task_runner.py" line="+67" />
            <source>Working…</source>
            <translation>Working…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Please wait…</source>
            <translation>Please wait…</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>operations</name>
        <message>
            <source>The database is busy (another QunDesk or a backup is using it): try again in a moment</source>
            <translation>The database is busy (another QunDesk or a backup is using it): try again in a moment</translation>
        </message>
    </context>
</TS>
