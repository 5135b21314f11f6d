import { resetRateLimitState } from '../../nodes/BigCommerce/transport/rateLimit';

beforeEach(() => {
	resetRateLimitState();
});
