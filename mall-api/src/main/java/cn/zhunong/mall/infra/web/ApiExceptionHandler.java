package cn.zhunong.mall.infra.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into problem+json with a stable code. Unexpected exceptions become a bare
 * 500 INTERNAL_ERROR: the details go to the log (with the request id), never to the client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        log.info("Duplicate key: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "DUPLICATE", "记录已存在"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "CONSTRAINT_VIOLATION", "数据不满足约束条件"));
    }

    /** A deadlock or lock timeout that outlived the caller's own retries: the client may simply try again. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        log.warn("Lock conflict answered with 503: {}", rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "BUSY_TRY_AGAIN", "系统繁忙，请稍后重试"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数格式不正确: " + e.getName());
        problem.setProperty("errors", List.of(new FieldError(e.getName(), "格式不正确")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务器内部错误，请稍后重试"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                // a binding failure (e.g. page=abc) would otherwise expose Spring's conversion text
                .map(f -> new FieldError(f.getField(), f.isBindingFailure() ? "格式不正确" : f.getDefaultMessage()))
                .toList();
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(paramName(r), err.getDefaultMessage())))
                .toList();
        return validationFailed(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", cause.getMessage()));
        }
        ProblemDetail problem;
        // the most specific cause of a bad date is java.time's own exception; the Jackson one above it knows the field
        MismatchedInputException mismatch = firstCause(e, MismatchedInputException.class);
        if (mismatch instanceof UnrecognizedPropertyException unknown) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", "未知字段: " + unknown.getPropertyName());
            problem.setProperty("errors", List.of(new FieldError(unknown.getPropertyName(), "未知字段")));
        } else if (mismatch != null) {
            String field = fieldPath(mismatch);
            problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FIELD_TYPE", "字段类型不正确: " + field);
            problem.setProperty("errors", List.of(new FieldError(field, "类型不正确")));
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "请求体不是合法的 JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "上传文件过大"));
    }

    /** Gives the framework's own errors (404, 405, 415 ...) a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = switch (status.value()) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
        String message = status.is4xxClientError() ? "请求无效 (" + status.value() + ")" : "服务器内部错误，请稍后重试";
        if (status.is5xxServerError()) {
            log.error("Framework error", e);
        }
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, code, message));
    }

    private ResponseEntity<Object> validationFailed(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "输入校验失败");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String paramName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "arg" + result.getMethodParameter().getParameterIndex();
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T firstCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
