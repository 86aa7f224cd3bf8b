<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n 名群成员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/messages.py" />
            <source>%n membership(s)</source>
            <translation>
                <numerusform>%n 条成员资格</numerusform>
            </translation>
        </message>
    </context>
</TS>
