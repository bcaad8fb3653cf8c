package org.casedesk.intake;

/** The examples of the intake API's OpenAPI description, in the words a channel system would send. */
final class IntakeApiExamples {

    static final String COMPLAINT = """
            {"channel": "INTERNET", "externalReference": "WEB-2026-000123", "type": "COMPLAINT",
             "category": "COMMUNICATION_DEVICE", "occurredAt": "2026-11-20T10:00:00+08:00",
             "complainant": {"name": "李明", "phone": "13812345678", "address": "上海市徐汇区漕溪北路1号",
                             "email": "li.ming@example.com"},
             "respondent": {"name": "徐家汇某数码店", "address": "上海市徐汇区肇嘉浜路1000号", "district": "310104"},
             "description": "新买的手机屏幕有坏点，商家拒绝更换。", "claim": "更换新机", "amount": 5999}""";

    static final String ANONYMOUS_REPORT = """
            {"channel": "INTERNET", "externalReference": "WEB-2026-000124", "type": "REPORT",
             "respondent": {"name": "某无证诊所", "address": "上海市浦东新区某路88号", "district": "310115"},
             "description": "无证行医，出售过期药品。"}""";

    static final String WORK_ORDER = """
            {"channel": "HOTLINE_12345", "externalReference": "GD-20261129-000123",
             "workOrderDueAt": "2026-12-24T18:00:00+08:00", "type": "COMPLAINT",
             "complainant": {"name": "李明", "phone": "13812345678", "address": "上海市徐汇区漕溪北路1号"},
             "respondent": {"name": "徐家汇某数码店", "address": "上海市徐汇区肇嘉浜路1000号", "district": "310104"},
             "description": "市民来电反映新买的手机屏幕有坏点，商家拒绝更换。", "claim": "更换新机"}""";

    static final String RECEIVED = """
            {"caseNumber": "SH20261129000001", "channel": "INTERNET", "externalReference": "WEB-2026-000123",
             "linkedCaseNumber": null, "mergedInto": null, "status": "RECEIVED", "statusName": "已受理，待登记", "closure": null,
             "history": [{"step": "RECEIVED", "name": "受理", "at": "2026-11-29T02:41:17Z"}]}""";

    static final String WITH_UNIT = """
            {"caseNumber": "SH20261129000001", "channel": "INTERNET", "externalReference": "WEB-2026-000123",
             "linkedCaseNumber": null, "mergedInto": null, "status": "WITH_UNIT", "statusName": "承办单位办理中", "closure": null,
             "history": [{"step": "RECEIVED", "name": "受理", "at": "2026-11-29T02:41:17Z"},
                         {"step": "REGISTERED", "name": "登记", "at": "2026-11-29T03:10:05Z"},
                         {"step": "FORWARDED", "name": "分送", "at": "2026-11-29T03:10:05Z"}]}""";

    static final String MERGED = """
            {"caseNumber": "SH20261129000007", "channel": "INTERNET", "externalReference": "WEB-2026-000131",
             "linkedCaseNumber": null, "mergedInto": "SH20261129000001", "status": "CLOSED",
             "statusName": "已并入案件 SH20261129000001", "closure": "MERGED",
             "history": [{"step": "RECEIVED", "name": "受理", "at": "2026-11-29T05:12:40Z"},
                         {"step": "REGISTERED", "name": "登记", "at": "2026-11-29T06:02:11Z"},
                         {"step": "CLOSED", "name": "办结", "at": "2026-11-29T06:02:11Z"}]}""";

    static final String REFUSED = """
            {"type": "about:blank", "title": "案件数据不完整或有误", "status": 400,
             "detail": "案件未受理：complainant.phone 应为手机号（11 位）或固定电话（如 021-62345678）",
             "instance": "/api/v1/cases",
             "errors": [{"field": "complainant.phone", "reason": "应为手机号（11 位）或固定电话（如 021-62345678）"}]}""";

    static final String TOO_LARGE = """
            {"type": "about:blank", "title": "请求体过大", "status": 413, "detail": "请求体超过 64 KB 的上限，案件未受理"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "此账号只可提交来源渠道为 INTERNET 的案件，不可提交 TV_315", "instance": "/api/v1/cases"}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "本渠道没有案件编号为 SH20261129000009 的案件", "instance": "/api/v1/cases/SH20261129000009"}""";

    private IntakeApiExamples() {
    }
}
