package org.casedesk.intake;

import java.util.List;

import org.casedesk.intake.IntakeService.InvalidCaseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Open311 adapter's errors in Open311's format, JSON {@code [{"code": 400, "description": "…"}]} or XML
 * {@code <errors><error>…}, as the path's extension asks: a refused case lists every field by its Open311 name
 * ({@code attribute[claim]：投诉须有具体诉求…}); 403 for a missing or wrong api_key, 404 for what does not exist,
 * 413 for a body over the limit.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return format(request).errors(e.status, List.of(e.getMessage()));
    }

    @ExceptionHandler(InvalidCaseException.class)
    ResponseEntity<byte[]> invalidCase(InvalidCaseException e, HttpServletRequest request) {
        return format(request).errors(HttpStatus.BAD_REQUEST, e.errors.stream()
                .map(error -> Open311Form.open311Name(error.field()) + "：" + error.reason()).toList());
    }

    @ExceptionHandler(RequestBodyLimit.BodyTooLargeException.class)
    ResponseEntity<byte[]> tooLarge(RequestBodyLimit.BodyTooLargeException e, HttpServletRequest request) {
        return format(request).errors(HttpStatus.PAYLOAD_TOO_LARGE,
                List.of(RequestBodyLimit.tooLarge(e.limit).getDetail()));
    }

    private static Open311Format format(HttpServletRequest request) {
        return Open311Format.ofPath(request.getRequestURI());
    }
}
