<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>TaxonomyDialog</name>
        <message>
            <source>Tiers saved.</source>
            <translation>层级已保存。</translation>
        </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="52" />
        <source>Tiers, roles and tags</source>
        <translation>层级、角色与标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="60" />
        <source>Tiers</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="61" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="62" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="74" />
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="74" />
        <source>Target share</source>
        <translation>目标占比</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="78" />
        <source>Highest tier first. The dashboard and the monthly workbook compare the member structure with these target shares, added up as key voices (the core and key-voice tiers), mid voices and the rest. A healthy group has about 5% key voices, 20% mid voices and 75% others.</source>
        <translation>最高层级在前。仪表盘和月度报表以这里的目标占比衡量成员结构：核心与大咖合计为大咖，中咖为中层，其余为普通成员。健康的社群大约有 5% 大咖、20% 中咖和 75% 普通成员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="81" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="82" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="113" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="83" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="84" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="85" />
        <source>Save tiers</source>
        <translation>保存层级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="111" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="112" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="133" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="134" />
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="158" />
        <source>%1 (%n membership(s))</source>
        <translation>
            <numerusform>%1（%Ln 人担任）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="163" />
        <source>%1 (%n person(s))</source>
        <translation>
            <numerusform>%1（%Ln 人）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="191" />
        <source>New tier</source>
        <translation>新层级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="221" />
        <source>New role</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="221" />
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="229" />
        <source>Role name:</source>
        <translation>角色名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="229" />
        <source>Rename role</source>
        <translation>重命名角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="242" />
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="242" />
        <source>Tag name:</source>
        <translation>标签名称：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>%1 is held by %n membership(s).</source>
        <translation>
            <numerusform>%1 有 %Ln 人担任。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>Remove tiers</source>
        <translation>删除层级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>They will be left without a tier. Save anyway?</source>
        <translation>他们将没有层级（未设置）。仍然保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>Remove role</source>
        <translation>删除角色</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/taxonomy_dialog.py" line="1" />
        <source>%1 is held by %n membership(s); they will lose it. Remove it?</source>
        <translation>
            <numerusform>%1 有 %Ln 人担任，删除后他们将不再担任。确定删除吗？</numerusform>
        </translation>
    </message>
</context>
</TS>