package org.casedesk.intake;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.casedesk.intake.IntakeRules.FieldError;
import org.casedesk.intake.IntakeService.InvalidCaseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The intake API's errors as {@code application/problem+json}: a refused submission lists every field with its
 * reason under {@code errors}; unknown fields and wrong types name the field, broken JSON its line and column;
 * a body read past the limit gets 413. 403 and 404 are Spring's problem details with our message; 401 comes
 * from Camunda's authentication filter, before any of this.
 */
@RestControllerAdvice(assignableTypes = IntakeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

    @ExceptionHandler(InvalidCaseException.class)
    ProblemDetail invalidCase(InvalidCaseException e) {
        return refused(e.errors);
    }

    /** A body that is too large or missing; what is wrong inside a body is {@link #unreadableJson}'s. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
                return RequestBodyLimit.tooLarge(tooLarge.limit);
            }
        }
        return refused(List.of(new FieldError(null, "请求体缺失或无法读取")));
    }

    @ExceptionHandler(JsonProcessingException.class)
    ProblemDetail unreadableJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return refused(List.of(new FieldError(path(unknown), "未知字段，接口不接受")));
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return refused(List.of(new FieldError(null, "请求体应为一个 JSON 对象")));
            }
            return refused(List.of(new FieldError(path(mismatch), "类型不符，应为" + expected(mismatch.getTargetType()))));
        }
        String where = e.getLocation() == null ? "" : "（第 " + e.getLocation().getLineNr() + " 行第 "
                + e.getLocation().getColumnNr() + " 列）";
        return refused(List.of(new FieldError(null, "请求体不是有效的 JSON" + where)));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "另一类型";
        }
        if (type == String.class) {
            return "文本";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "数字";
        }
        if (type == OffsetDateTime.class) {
            return "带时区的 ISO 8601 时间（如 2026-11-20T10:00:00+08:00）";
        }
        return "对象";
    }

    /** Writes a problem from a servlet filter, which runs before any controller advice could. */
    static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8, as Jackson writes it
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static ProblemDetail refused(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "案件未受理：" + errors.stream().map(error -> error.field() == null ? error.reason()
                        : error.field() + " " + error.reason()).collect(Collectors.joining("；")));
        problem.setTitle("案件数据不完整或有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
