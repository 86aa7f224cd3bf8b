<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>TaxonomyDialog</name>
        <message>
            <source>Tiers saved.</source>
            <translation>Tiers saved.</translation>
        </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="52" />
        <source>Tiers, roles and tags</source>
        <translation>Tiers, roles and tags</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="60" />
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="61" />
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="62" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="74" />
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="74" />
        <source>Target share</source>
        <translation>Target share</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="78" />
        <source>Highest tier first. The dashboard and the monthly workbook compare the member structure with these target shares, added up as key voices (the core and key-voice tiers), mid voices and the rest. A healthy group has about 5% key voices, 20% mid voices and 75% others.</source>
        <translation>Highest tier first. The dashboard and the monthly workbook compare the member structure with these target shares, added up as key voices (the core and key-voice tiers), mid voices and the rest. A healthy group has about 5% key voices, 20% mid voices and 75% others.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="81" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="82" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="113" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="83" />
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="84" />
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="85" />
        <source>Save tiers</source>
        <translation>Save tiers</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="111" />
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="112" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="133" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="134" />
        <source>Colour…</source>
        <translation>Colour…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="158" />
        <source>%1 (%n membership(s))</source>
        <translation>
            <numerusform>%1 (%Ln membership)</numerusform>
            <numerusform>%1 (%Ln memberships)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="163" />
        <source>%1 (%n person(s))</source>
        <translation>
            <numerusform>%1 (%Ln person)</numerusform>
            <numerusform>%1 (%Ln people)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="191" />
        <source>New tier</source>
        <translation>New tier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="221" />
        <source>New role</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="221" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="229" />
        <source>Role name:</source>
        <translation>Role name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="229" />
        <source>Rename role</source>
        <translation>Rename role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="242" />
        <source>Rename tag</source>
        <translation>Rename tag</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="242" />
        <source>Tag name:</source>
        <translation>Tag name:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>%1 is held by %n membership(s).</source>
        <translation>
            <numerusform>%1 is held by %Ln membership.</numerusform>
            <numerusform>%1 is held by %Ln memberships.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>Remove tiers</source>
        <translation>Remove tiers</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>They will be left without a tier. Save anyway?</source>
        <translation>They will be left without a tier. Save anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>Remove role</source>
        <translation>Remove role</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>%1 is held by %n membership(s); they will lose it. Remove it?</source>
        <translation>
            <numerusform>%1 is held by %Ln membership; they will lose it. Remove it?</numerusform>
            <numerusform>%1 is held by %Ln memberships; they will lose it. Remove it?</numerusform>
        </translation>
    </message>
</context>
</TS>