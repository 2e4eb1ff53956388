import request from 'supertest';
import { bootTestApp, type TestApp } from '../support/test-app';

describe('Platform (HTTP)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('request ids', () => {
    it('echoes a caller-supplied X-Request-Id on the response and in error bodies', async () => {
      const response = await request(t.server).get('/api/v1/no-such-route').set('X-Request-Id', 'trace-123');
      expect(response.headers['x-request-id']).toBe('trace-123');
      expect(response.body.requestId).toBe('trace-123');
    });

    it('generates one when the caller sends none or an unsafe one', async () => {
      const none = await request(t.server).get('/health/live');
      expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const unsafe = await request(t.server).get('/health/live').set('X-Request-Id', 'bad id\twith spaces');
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('errors in the contract shape', () => {
    it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
      const response = await request(t.server).get('/api/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        statusCode: 404,
        code: 'ROUTE_NOT_FOUND',
        message: expect.any(String),
        details: {},
        requestId: response.headers['x-request-id'],
      });
    });

    it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
      const response = await request(t.server)
        .post('/api/v1/auth/otp/request')
        .set('Content-Type', 'application/json')
        .send('{"phone": ');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        code: 'MALFORMED_JSON',
        details: {},
        requestId: expect.any(String),
      });
    });

    it('answers a 2 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) });
      const response = await request(t.server)
        .post('/api/v1/auth/otp/request')
        .set('Content-Type', 'application/json')
        .send(huge);
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        requestId: expect.any(String),
      });
    });

    it('answers an unsupported content type with 415', async () => {
      const response = await request(t.server)
        .post('/api/v1/auth/otp/request')
        .set('Content-Type', 'application/xml')
        .send('<phone/>');
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers an unknown field with 400 VALIDATION_FAILED listing it', async () => {
      const response = await request(t.server)
        .post('/api/v1/auth/otp/request')
        .send({ phone: '09121234567', isAdmin: true });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
    });
  });

  describe('security headers and CORS', () => {
    it('sends the usual protective headers', async () => {
      const response = await request(t.server).get('/health/live');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security']).toBeDefined();
    });

    it('allows no cross-origin caller unless CORS_ORIGINS lists it', async () => {
      const response = await request(t.server)
        .options('/api/v1/me')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('operations', () => {
    it('reports liveness', async () => {
      const response = await request(t.server).get('/health/live');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });

    it('reports readiness of PostgreSQL and Redis', async () => {
      const response = await request(t.server).get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        checks: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('exposes Prometheus metrics with the request-duration histogram by route and status', async () => {
      await request(t.server).get('/health/live');
      await request(t.server).get('/api/v1/not-a-route');
      const response = await request(t.server).get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.text).toContain('process_cpu_user_seconds_total');
      expect(response.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_code="200"\} \d+/,
      );
      expect(response.text).toMatch(
        /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/,
      );
      expect(response.text).toMatch(/queue_jobs\{queue="accounts-sms",state="waiting"\} \d+/);
    });

    it('serves the OpenAPI document and Swagger UI', async () => {
      const json = await request(t.server).get('/docs-json');
      expect(json.status).toBe(200);
      expect(json.body.openapi).toMatch(/^3\./);
      expect(json.body.info.title).toBe('Contexor API');
      expect(Object.keys(json.body.paths)).toContain('/health/ready');
      const ui = await request(t.server).get('/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger-ui');
    });
  });
});

describe('Platform with CORS_ORIGINS set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({ CORS_ORIGINS: 'https://dashboard.example', APP_ROLE: 'api' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('allows a listed origin, with the write methods and the request id exposed', async () => {
    const response = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://dashboard.example')
      .set('Access-Control-Request-Method', 'PATCH');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://dashboard.example');
    expect(response.headers['access-control-allow-methods']).toContain('PATCH');
    expect(response.headers['access-control-allow-methods']).toContain('DELETE');
  });

  it('still refuses an origin that is not listed', async () => {
    const response = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Platform when Redis is unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Port 1 never has a Redis behind it: the same as Redis going down under a running app.
    t = await bootTestApp({ REDIS_URL: 'redis://127.0.0.1:1/0', APP_ROLE: 'api' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers /health/ready with 503 NOT_READY naming Redis', async () => {
    const response = await request(t.server).get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      statusCode: 503,
      code: 'NOT_READY',
      details: { checks: { database: { status: 'up' }, redis: { status: 'down' } } },
    });
  });

  it('still answers /health/live', async () => {
    expect((await request(t.server).get('/health/live')).status).toBe(200);
  });
});
