import type { ResourceModule } from './types';
import { store } from './store';
import { brand } from './brand';
import { category } from './category';
import { product } from './product';
import { productCustomField } from './productCustomField';
import { productImage } from './productImage';
import { productVariant } from './productVariant';
import { productVideo } from './productVideo';
import { coupon } from './coupon';
import { order } from './order';
import { customer } from './customer';
import { orderProduct } from './orderProduct';
import { orderShipment } from './orderShipment';
import { orderTransaction } from './orderTransaction';
import { giftCertificate } from './giftCertificate';
import { promotion } from './promotion';
import { customerAddress } from './customerAddress';
import { customerGroup } from './customerGroup';
import { shipping } from './shipping';
import { paymentMethod } from './paymentMethod';
import { taxClass } from './taxClass';
import { inventory } from './inventory';
import { channel } from './channel';
import { channelListing } from './channelListing';
import { cart } from './cart';
import { abandonedCart } from './abandonedCart';
import { checkout } from './checkout';
import { webhook } from './webhook';

/**
 * Every resource of the node. Add a resource by importing its module and listing it here;
 * the Resource dropdown, the parameters and the router all follow from this list.
 */
export const resources: ResourceModule[] = [
	store,
	product,
	productVariant,
	productImage,
	productCustomField,
	productVideo,
	category,
	brand,
	coupon,
	order,
	customer,
	orderProduct,
	orderShipment,
	orderTransaction,
	giftCertificate,
	promotion,
	customerAddress,
	customerGroup,
	shipping,
	paymentMethod,
	taxClass,
	inventory,
	channel,
	channelListing,
	cart,
	abandonedCart,
	checkout,
	webhook,
];

export const resourcesByValue: Record<string, ResourceModule> = Object.fromEntries(
	resources.map((resource) => [resource.option.value, resource]),
);
