<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ReportsPage</name>
        <message>
            <source>Replace the workbook?</source>
            <translation>Replace the workbook?</translation>
        </message>
        <message>
            <source>%1 already exists (changed %2).</source>
            <translation>%1 already exists (changed %2).</translation>
        </message>
        <message>
            <source>Replace it with the new report? What was added to it by hand (in Excel or WPS) is lost.</source>
            <translation>Replace it with the new report? What was added to it by hand (in Excel or WPS) is lost.</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Replace</translation>
        </message>
    <message>
      <source>Exporting</source>
      <translation>Exporting</translation>
    </message>
    <message>
      <source>Writing the workbook…</source>
      <translation>Writing the workbook…</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>The monthly workbook has seven sheets: summary with charts, roster, check-in matrix, activities, points, entry progress and alerts.</source>
      <translation>The monthly workbook has seven sheets: summary with charts, roster, check-in matrix, activities, points, entry progress and alerts.</translation>
    </message>
    <message>
      <source>Full phone numbers (not masked)</source>
      <translation>Full phone numbers (not masked)</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>Export monthly report</source>
      <translation>Export monthly report</translation>
    </message>
    <message>
      <source>Export roster…</source>
      <translation>Export roster…</translation>
    </message>
    <message>
      <source>One row per membership with every field, a file QunDesk can import again. Phone numbers are complete for an owner or admin and masked for an assistant.</source>
      <translation>One row per membership with every field, a file QunDesk can import again. Phone numbers are complete for an owner or admin and masked for an assistant.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Open file</source>
      <translation>Open file</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>Monthly report</translation>
    </message>
    <message>
      <source>Groups</source>
      <translation>Groups</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Header language</source>
      <translation>Header language</translation>
    </message>
    <message>
      <source>Phone numbers</source>
      <translation>Phone numbers</translation>
    </message>
    <message>
      <source>Save to</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>Recent exports</source>
      <translation>Recent exports</translation>
    </message>
    <message>
      <source>Only the owner or an admin may export full phone numbers</source>
      <translation>Only the owner or an admin may export full phone numbers</translation>
    </message>
    <message>
      <source>Without this, phone numbers are written as 138****8000</source>
      <translation>Without this, phone numbers are written as 138****8000</translation>
    </message>
    <message>
      <source>All groups</source>
      <translation>All groups</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <source>Save the monthly report as</source>
      <translation>Save the monthly report as</translation>
    </message>
    <message>
      <source>Tick at least one group.</source>
      <translation>Tick at least one group.</translation>
    </message>
    <message>
      <source>Choose where to save the workbook.</source>
      <translation>Choose where to save the workbook.</translation>
    </message>
    <message>
      <source>Save the roster as</source>
      <translation>Save the roster as</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>Writing %1…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>Monthly report written.</source>
      <translation>Monthly report written.</translation>
    </message>
    <message numerus="yes">
      <source>Roster written: %n row(s).</source>
      <translation>
        <numerusform>Roster written: %Ln row.</numerusform>
        <numerusform>Roster written: %Ln rows.</numerusform>
      </translation>
    </message>
    <message>
      <source>In %1</source>
      <translation>In %1</translation>
    </message>
    <message>
      <source>Cancelled. Nothing was written.</source>
      <translation>Cancelled. Nothing was written.</translation>
    </message>
    <message>
      <source>%1 (no longer there)</source>
      <translation>%1 (no longer there)</translation>
    </message>
    <message>
      <source>Nothing exported yet.</source>
      <translation>Nothing exported yet.</translation>
    </message>
    <message>
      <source>%1 was set up in QunDesk after this month: its check-ins, activity and rates for the month were never recorded, and the workbook's zeros are not measured.</source>
      <translation>%1 was set up in QunDesk after this month: its check-ins, activity and rates for the month were never recorded, and the workbook's zeros are not measured.</translation>
    </message>
  </context>
</TS>